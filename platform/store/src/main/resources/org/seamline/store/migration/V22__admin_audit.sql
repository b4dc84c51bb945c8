-- The audit trail of users and tokens becomes the trail of every admin action: plugins deployed, stopped or removed
-- and plugin instances configured are recorded beside user and token changes. Same columns, wider purpose.
ALTER TABLE user_audit RENAME TO admin_audit;

-- A reply's Idempotency-Key is the client's, unique within the conversation it answers, not across all of them:
-- one client's key reused on another conversation is another reply. The fingerprint (SHA-256 of the normalised
-- request) tells a repeat from a different request under the same key; rows queued before it have none.
ALTER TABLE outbox_message ADD COLUMN request_fingerprint VARCHAR(64);
ALTER TABLE outbox_message DROP CONSTRAINT uq_outbox_idempotency;
ALTER TABLE outbox_message ADD CONSTRAINT uq_outbox_conversation_idempotency UNIQUE (conversation_id, idempotency_key);

-- Every provider message id sent or received is looked up when a later message names it as the one it answers
-- (an email's In-Reply-To / References, a chat's quoted message), so the conversation continues.
CREATE INDEX ix_timeline_provider ON timeline_entry (provider_message_id);
CREATE INDEX ix_outbox_provider ON outbox_message (provider_message_id);

-- The console's live figures read recent timeline entries, open and unassigned conversations, and conversations
-- opened today; without these indexes each refresh would scan the whole history.
CREATE INDEX ix_timeline_occurred ON timeline_entry (occurred_at);
CREATE INDEX ix_conversation_status ON conversation (status, assignee);
CREATE INDEX ix_conversation_opened ON conversation (opened_at);

-- CRM sync reads one message by its interaction id for every message it logs.
CREATE INDEX ix_timeline_interaction ON timeline_entry (interaction_id);

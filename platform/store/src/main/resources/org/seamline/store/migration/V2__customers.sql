-- Customers and the identity graph: each (type, normalised value) belongs to exactly one customer, with the
-- evidence that linked it. Customers are never deleted by merges (merge and unmerge come later).
CREATE TABLE customer (
    id VARCHAR(36) PRIMARY KEY,
    display_name VARCHAR(512),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE customer_identifier (
    id_type VARCHAR(32) NOT NULL,
    id_value VARCHAR(320) NOT NULL,
    customer_id VARCHAR(36) NOT NULL,
    source VARCHAR(200) NOT NULL,
    evidence VARCHAR(36),
    confidence SMALLINT NOT NULL,
    linked_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_customer_identifier PRIMARY KEY (id_type, id_value),
    CONSTRAINT fk_customer_identifier_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_customer_identifier_customer ON customer_identifier (customer_id);
-- Inbox processing: a message is resolved to its customer once; processed_at is set in the same transaction.
ALTER TABLE inbox_message ADD COLUMN customer_id VARCHAR(36);
ALTER TABLE inbox_message ADD COLUMN processed_at TIMESTAMP WITH TIME ZONE;
-- Set when a message cannot be processed at all (not for passing database errors): it is skipped, not retried forever.
ALTER TABLE inbox_message ADD COLUMN processing_error VARCHAR(1000);
CREATE INDEX ix_inbox_message_pending ON inbox_message (processed_at, seq);

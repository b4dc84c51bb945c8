-- Outbound messages, written in the same transaction as the reply's timeline entry and sent by the dispatcher.
-- status follows DeliveryStatus; FAILED with last_error is the dead letter (attempts exhausted or refused).
CREATE TABLE outbox_message (
    id VARCHAR(36) PRIMARY KEY,
    idempotency_key VARCHAR(200) NOT NULL,
    conversation_id VARCHAR(36) NOT NULL,
    customer_id VARCHAR(36) NOT NULL,
    channel VARCHAR(64) NOT NULL,
    instance VARCHAR(128) NOT NULL,
    payload VARCHAR NOT NULL,
    status VARCHAR(16) NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error VARCHAR(1000),
    provider_message_id VARCHAR(512),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_outbox_idempotency UNIQUE (idempotency_key)
);
CREATE INDEX ix_outbox_due ON outbox_message (status, next_attempt_at);

-- The profile: attributes, tags, preferences and consents. Rows stay with the customer that owns them, so a merge
-- (a pointer) shows them together and an unmerge gives each side back exactly what it had.
ALTER TABLE customer ADD COLUMN preferred_channel VARCHAR(64);
ALTER TABLE customer ADD COLUMN preferred_language VARCHAR(35);
CREATE TABLE customer_attribute (
    customer_id VARCHAR(36) NOT NULL,
    name VARCHAR(100) NOT NULL,
    attr_value VARCHAR(2000) NOT NULL,
    source VARCHAR(200) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_customer_attribute PRIMARY KEY (customer_id, name)
);
CREATE TABLE customer_tag (
    customer_id VARCHAR(36) NOT NULL,
    tag VARCHAR(100) NOT NULL,
    source VARCHAR(200) NOT NULL,
    added_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_customer_tag PRIMARY KEY (customer_id, tag)
);
-- One row per (customer, channel, purpose): the latest expressed will, with its evidence. channel '*' is every channel.
CREATE TABLE customer_consent (
    customer_id VARCHAR(36) NOT NULL,
    channel VARCHAR(64) NOT NULL,
    purpose VARCHAR(16) NOT NULL,
    granted BOOLEAN NOT NULL,
    source VARCHAR(200) NOT NULL,
    evidence VARCHAR(1000),
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_customer_consent PRIMARY KEY (customer_id, channel, purpose)
);
-- Conversations: the thread a per-thread policy continues, and context variables (where the customer left off).
ALTER TABLE conversation ADD COLUMN thread_key VARCHAR(512);
CREATE INDEX ix_conversation_thread ON conversation (thread_key);
CREATE TABLE conversation_variable (
    conversation_id VARCHAR(36) NOT NULL,
    name VARCHAR(100) NOT NULL,
    var_value VARCHAR(4000) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_conversation_variable PRIMARY KEY (conversation_id, name)
);

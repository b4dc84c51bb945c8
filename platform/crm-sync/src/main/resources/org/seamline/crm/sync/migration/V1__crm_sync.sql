-- Work for the CRMs, one row per connector, kind and subject: a lookup per customer, a refresh per CRM contact, a
-- log per timeline message. The unique key is what makes a message reach a CRM once however often it is planned.
CREATE TABLE crm_task (
    id VARCHAR(36) PRIMARY KEY,
    connector VARCHAR(140) NOT NULL,
    kind VARCHAR(10) NOT NULL,
    subject VARCHAR(200) NOT NULL,
    customer_id VARCHAR(36),
    status VARCHAR(10) NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until TIMESTAMP WITH TIME ZONE,
    last_error VARCHAR(1000),
    result VARCHAR(200),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_crm_task UNIQUE (connector, kind, subject)
);
CREATE INDEX ix_crm_task_due ON crm_task (connector, status, next_attempt_at);
CREATE INDEX ix_crm_task_customer ON crm_task (customer_id);

-- Which CRM contact a customer is, per connector.
CREATE TABLE crm_link (
    connector VARCHAR(140) NOT NULL,
    customer_id VARCHAR(36) NOT NULL,
    contact_id VARCHAR(200) NOT NULL,
    linked_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_crm_link PRIMARY KEY (connector, customer_id)
);
CREATE INDEX ix_crm_link_contact ON crm_link (connector, contact_id);

-- Where each polling connector's change list was read up to.
CREATE TABLE crm_cursor (
    connector VARCHAR(140) PRIMARY KEY,
    position VARCHAR(1000) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

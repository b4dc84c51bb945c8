-- A channel's customer-service window (WhatsApp: 24 h after the customer's last message), as the channel last
-- reported it. Rows stay with the customer that owned the identifier, like consents, so merges show them together.
CREATE TABLE customer_service_window (
    customer_id VARCHAR(36) NOT NULL,
    channel VARCHAR(64) NOT NULL,
    open_until TIMESTAMP WITH TIME ZONE NOT NULL,
    reported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_customer_service_window PRIMARY KEY (customer_id, channel)
);

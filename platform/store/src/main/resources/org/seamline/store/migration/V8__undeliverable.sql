-- An address a provider reported as unable to receive (a hard bounce): replies do not use it until the customer
-- writes from it again.
ALTER TABLE customer_identifier ADD COLUMN undeliverable_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE customer_identifier ADD COLUMN undeliverable_reason VARCHAR(1000);

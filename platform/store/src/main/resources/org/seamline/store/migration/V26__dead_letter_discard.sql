-- A dead letter an admin discards stays stored (the idempotency key still drops a redelivery, erasure still finds
-- it) but leaves the dead-letter lists and can no longer be retried.
ALTER TABLE inbox_message ADD COLUMN discarded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE inbox_message ADD COLUMN discarded_by VARCHAR(100);
ALTER TABLE outbox_message ADD COLUMN discarded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE outbox_message ADD COLUMN discarded_by VARCHAR(100);

-- Reversible merges: nothing is moved or deleted. A merged customer points at the customer it was merged into;
-- reads follow the pointer, unmerge clears it, so both sides come back exactly as they were.
ALTER TABLE customer ADD COLUMN merged_into VARCHAR(36);
CREATE INDEX ix_customer_merged_into ON customer (merged_into);
CREATE TABLE customer_merge (
    id VARCHAR(36) PRIMARY KEY,
    survivor_id VARCHAR(36) NOT NULL,
    merged_id VARCHAR(36) NOT NULL,
    actor VARCHAR(200) NOT NULL,
    reason VARCHAR(1000),
    evidence VARCHAR(36),
    merged_at TIMESTAMP WITH TIME ZONE NOT NULL,
    undone_at TIMESTAMP WITH TIME ZONE,
    undone_by VARCHAR(200)
);
CREATE INDEX ix_customer_merge_survivor ON customer_merge (survivor_id);
CREATE INDEX ix_customer_merge_merged ON customer_merge (merged_id);

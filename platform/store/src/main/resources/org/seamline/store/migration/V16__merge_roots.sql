-- Merges stay one hop deep however many follow each other: every merged customer and conversation also points
-- straight at the canonical row it stands for now (canonical_id), while merged_into keeps the row it was merged
-- into, the tree that unmerge restores. Reads follow canonical_id: one look-up, no chain to walk.
ALTER TABLE customer ADD COLUMN canonical_id VARCHAR(36);
ALTER TABLE conversation ADD COLUMN canonical_id VARCHAR(36);
CREATE TABLE v16_root (
    id VARCHAR(36) PRIMARY KEY,
    root VARCHAR(36) NOT NULL
);
-- Every merged customer under a canonical one (the chains descend from the canonical rows, so a cycle is never entered).
INSERT INTO v16_root (id, root) WITH RECURSIVE chain (id, root) AS (
    SELECT m.id, m.merged_into FROM customer m JOIN customer r ON r.id = m.merged_into WHERE r.merged_into IS NULL
    UNION ALL SELECT m.id, chain.root FROM customer m JOIN chain ON m.merged_into = chain.id)
    SELECT id, root FROM chain;
UPDATE customer SET canonical_id = (SELECT root FROM v16_root WHERE v16_root.id = customer.id) WHERE merged_into IS NOT NULL;
-- Customers that reach no canonical row sit on a cycle left by two opposite merges at the same moment (or below
-- one): their merges are undone, audited as the system's, and each of them stands alone again.
UPDATE customer_merge SET undone_at = CURRENT_TIMESTAMP, undone_by = 'system:merge-cycle' WHERE undone_at IS NULL
    AND merged_id IN (SELECT id FROM customer WHERE merged_into IS NOT NULL AND canonical_id IS NULL);
UPDATE conversation SET merged_into = NULL, merged_by = NULL WHERE merged_by IN (SELECT id FROM customer_merge
    WHERE undone_by = 'system:merge-cycle');
UPDATE customer SET merged_into = NULL WHERE merged_into IS NOT NULL AND canonical_id IS NULL;
DELETE FROM v16_root;
INSERT INTO v16_root (id, root) WITH RECURSIVE chain (id, root) AS (
    SELECT m.id, m.merged_into FROM conversation m JOIN conversation r ON r.id = m.merged_into WHERE r.merged_into IS NULL
    UNION ALL SELECT m.id, chain.root FROM conversation m JOIN chain ON m.merged_into = chain.id)
    SELECT id, root FROM chain;
UPDATE conversation SET canonical_id = (SELECT root FROM v16_root WHERE v16_root.id = conversation.id) WHERE merged_into IS NOT NULL;
UPDATE conversation SET merged_into = NULL, merged_by = NULL WHERE merged_into IS NOT NULL AND canonical_id IS NULL;
DROP TABLE v16_root;
CREATE INDEX ix_customer_canonical ON customer (canonical_id);
CREATE INDEX ix_conversation_canonical ON conversation (canonical_id);

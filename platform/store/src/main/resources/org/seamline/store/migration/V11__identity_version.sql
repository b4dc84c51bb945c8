-- One counter, raised in the same transaction as anything that changes who an identifier or a customer stands
-- for (merge, unmerge, erasure, an address's deliverability). Caches of identities compare it before trusting
-- what they remember, so a change made by any process sharing this database empties them.
CREATE TABLE identity_version (
    id INTEGER PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO identity_version (id, version) VALUES (1, 0);

-- One row per instance, locked (SELECT ... FOR UPDATE) for the length of a token refresh, so two nodes sharing this
-- database never spend the same refresh token: the second waits, then finds the first one's new pair.
CREATE TABLE amocrm_refresh_lock (
    instance VARCHAR(64) PRIMARY KEY
);

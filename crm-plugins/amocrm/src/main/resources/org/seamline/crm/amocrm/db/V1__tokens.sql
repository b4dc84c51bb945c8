-- The OAuth token pair of each amoCRM instance, sealed with AES-256-GCM (key in etc/keys/crm.amocrm.key, the
-- instance name as associated data): never plaintext at rest. One row per instance, replaced on every refresh.
CREATE TABLE amocrm_token (
    instance VARCHAR(64) PRIMARY KEY,
    sealed VARCHAR(4000) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

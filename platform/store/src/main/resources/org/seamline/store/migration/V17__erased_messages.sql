-- What stays of an erased inbound message: a SHA-256 of its inbox key (channel, instance, provider message id), so
-- the same message delivered again (a webhook re-posted, a mail fetched again) is answered as a repeat and not
-- stored again. The hash cannot be turned back into the key; the interaction id is a random UUID. No personal data.
CREATE TABLE erased_message (
    key_hash VARCHAR(64) PRIMARY KEY,
    interaction_id VARCHAR(36) NOT NULL,
    erased_at TIMESTAMP WITH TIME ZONE NOT NULL
);

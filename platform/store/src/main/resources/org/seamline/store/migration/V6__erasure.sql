-- What remains of an erased customer: who erased which customer ids when, and how much was removed. No personal data.
CREATE TABLE erasure_audit (
    id VARCHAR(36) PRIMARY KEY,
    customer_ids VARCHAR(4000) NOT NULL,
    actor VARCHAR(200) NOT NULL,
    erased_at TIMESTAMP WITH TIME ZONE NOT NULL,
    removed VARCHAR(1000) NOT NULL
);

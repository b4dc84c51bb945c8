-- The people who use the platform. A user name is unique whatever its case: username_key is its lower-case form,
-- username the spelling its owner chose. password_hash is a PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash), so
-- the parameters can change later without a migration.
CREATE TABLE platform_user (
    username_key VARCHAR(64) PRIMARY KEY,
    username VARCHAR(64) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role VARCHAR(16) NOT NULL,
    disabled BOOLEAN NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE platform_user_team (
    username_key VARCHAR(64) NOT NULL,
    team VARCHAR(64) NOT NULL,
    CONSTRAINT pk_platform_user_team PRIMARY KEY (username_key, team)
);
-- API tokens: only a SHA-256 of each token is kept; a token acts for its creator with at most its own role.
CREATE TABLE api_token (
    id VARCHAR(36) PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    role VARCHAR(16) NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX ux_api_token_hash ON api_token (token_hash);
-- Browser sessions, shared by every node: only a SHA-256 of the cookie's value is kept.
CREATE TABLE user_session (
    id_hash VARCHAR(64) PRIMARY KEY,
    username_key VARCHAR(64) NOT NULL,
    csrf_token VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_user_session_user ON user_session (username_key);
-- Who changed which user or token when, like erasure_audit and customer_merge for customers. Never a password.
CREATE TABLE user_audit (
    id VARCHAR(36) PRIMARY KEY,
    actor VARCHAR(200) NOT NULL,
    action VARCHAR(40) NOT NULL,
    subject VARCHAR(200) NOT NULL,
    details VARCHAR(1000),
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL
);

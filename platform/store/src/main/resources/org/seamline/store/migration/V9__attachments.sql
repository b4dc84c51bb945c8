-- Files that came with inbound messages, stored before the message is accepted; messages refer to them by URL
-- (seamline:attachment:<id>). One row per channel instance, name and content.
CREATE TABLE attachment (
    id VARCHAR(36) PRIMARY KEY,
    channel VARCHAR(64) NOT NULL,
    instance VARCHAR(128) NOT NULL,
    name VARCHAR(255) NOT NULL,
    content_type VARCHAR(255) NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 VARCHAR(64) NOT NULL,
    content BYTEA NOT NULL,
    stored_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_attachment_content UNIQUE (channel, instance, sha256, name)
);

-- The durable change feed (org.seamline.api.feed.ChangeFeed): one row per change, written in the transaction of the
-- change it reports. Ids only, never message text or identifiers, so an erasure has nothing to remove here.
CREATE TABLE change_feed (
    position BIGINT PRIMARY KEY,
    change_type VARCHAR(40) NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    customer_id VARCHAR(36),
    conversation_id VARCHAR(36),
    message_id VARCHAR(36),
    other_customer_id VARCHAR(36),
    channel VARCHAR(64),
    instance VARCHAR(128),
    status VARCHAR(40),
    actor VARCHAR(200)
);
-- The newest position handed out. Each appending transaction locks this one row until it commits, so positions
-- become visible in the order they were handed out (see FeedStore).
CREATE TABLE change_feed_head (
    id INTEGER PRIMARY KEY,
    position BIGINT NOT NULL
);
INSERT INTO change_feed_head (id, position) VALUES (1, 0);
-- Where each named reader got to (ChangeFeed.position / commit).
CREATE TABLE change_feed_reader (
    reader VARCHAR(100) PRIMARY KEY,
    position BIGINT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Which node processes the inbox and sends replies when several share this database: the owner until expires_at
-- (database time). A node that stops renewing loses it, and another takes over.
CREATE TABLE worker_lease (
    id INTEGER PRIMARY KEY,
    owner VARCHAR(200),
    expires_at TIMESTAMP WITH TIME ZONE
);
INSERT INTO worker_lease (id, owner, expires_at) VALUES (1, NULL, NULL);

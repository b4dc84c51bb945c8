-- The files of a message, on its timeline entry (JSON: [{"url", "contentType", "name", "size"}]), so an agent reading
-- the timeline sees them without opening each message.
ALTER TABLE timeline_entry ADD COLUMN attachments VARCHAR;

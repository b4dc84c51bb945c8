-- References to received messages are answered from the inbox's own unique key (channel, instance, provider id);
-- the timeline, the busiest table to write, need not keep a provider-id index of its own.
DROP INDEX ix_timeline_provider;

package org.seamline.context.internal;

import java.time.Duration;
import java.util.Set;
import org.seamline.store.Database;
import org.seamline.store.internal.JdbcAttachmentStore;
import org.seamline.store.internal.JdbcInboxStore;
import org.seamline.store.internal.TestDatabases;

/** The customer-context services wired as DS wires them, on a fresh H2 or PostgreSQL, with events recorded. */
final class TestContext {

    final Database database;
    final JdbcInboxStore inbox;
    final RecordedEvents events = new RecordedEvents();
    final EventPublisher publisher = new EventPublisher(events);
    final CustomerDirectoryService directory;
    final CustomerMergesService merges;
    final ConversationsService conversations;
    final CustomerProfilesService profiles;
    final PrivacyService privacy;
    final ChangeFeedService feed;
    final CustomerContextService customerContext;
    final JdbcAttachmentStore attachments;
    /** Shared by every processor of this context, as the processor's cache outlives its transactions. */
    final IdentityCache identities = new IdentityCache(1000);

    TestContext(String kind) throws Exception {
        this(TestDatabases.of(kind));
    }

    TestContext(Database database) {
        this.database = database;
        inbox = new JdbcInboxStore(database);
        directory = new CustomerDirectoryService(database, TestConfiguration.defaults());
        merges = new CustomerMergesService(database, publisher);
        conversations = new ConversationsService(database, publisher, new ChannelAdapters());
        profiles = new CustomerProfilesService(database, publisher, new ChannelAdapters());
        attachments = new JdbcAttachmentStore(database);
        privacy = new PrivacyService(database, inbox, attachments, publisher, TestConfiguration.defaults());
        feed = new ChangeFeedService(database);
        customerContext = new CustomerContextService(database, publisher, profiles, TestConfiguration.defaults());
    }

    /** The processor with the test defaults: cap 20, automatic merges from the API channel, one conversation per customer. */
    PendingMessages pending() {
        return pending(20, ConversationStore.Continuity.CUSTOMER, Duration.ofDays(7));
    }

    PendingMessages pending(int maxIdentifiers, ConversationStore.Continuity continuity, Duration reopenWindow) {
        return new PendingMessages(database, inbox, new IdentityResolver(new IdentifierNormalizer(""), new CustomerStore(),
                maxIdentifiers, Set.of("api")), continuity, reopenWindow, publisher, identities);
    }
}

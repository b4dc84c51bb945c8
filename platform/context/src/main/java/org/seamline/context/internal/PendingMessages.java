package org.seamline.context.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.seamline.api.health.Health;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.MessageMetadata;
import org.seamline.context.ContextEvents;
import org.seamline.context.MergeRecord;
import org.seamline.store.Database;
import org.seamline.store.InboxStore;
import org.seamline.store.Interaction;
import org.seamline.store.StoreFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through the inbox, oldest first (so each customer's messages keep their order). Each message is resolved to
 * its customer, continues (or opens) the customer's conversation, records the service window it opens (if its channel
 * has one), is appended to the timeline and marked processed
 * in the same transaction as its effects (a few messages share one): a crash repeats at most the messages in flight,
 * and repeating them has no second effect. A message that cannot be processed at all is set aside with its reason,
 * so it never blocks the rest.
 */
final class PendingMessages {

    private static final Logger LOG = LoggerFactory.getLogger(PendingMessages.class);
    private static final int BATCH = 100;
    /** Messages processed in one transaction. */
    private static final int TOGETHER = 25;

    private final Database database;
    private final InboxStore inbox;
    private final IdentityResolver resolver;
    private final ConversationStore.Continuity continuity;
    private final Duration reopenWindow;
    private final EventPublisher events;
    private final IdentityCache identities;
    private final CustomerStore customers = new CustomerStore();
    private final ProfileStore profiles = new ProfileStore();
    private final ConversationStore conversations = new ConversationStore();
    private final TimelineStore timeline = new TimelineStore();
    private final ServiceWindowStore windows = new ServiceWindowStore();
    private final AtomicLong processed = new AtomicLong();
    private volatile String lastError;
    private volatile boolean stopping;

    PendingMessages(Database database, InboxStore inbox, IdentityResolver resolver, ConversationStore.Continuity continuity,
                    Duration reopenWindow, EventPublisher events, IdentityCache identities) {
        this.database = database;
        this.inbox = inbox;
        this.resolver = resolver;
        this.continuity = continuity;
        this.reopenWindow = reopenWindow;
        this.events = events;
        this.identities = identities;
    }

    /**
     * Processes what is pending now, until the inbox is empty or {@link #stop} is asked; answers how many messages
     * were processed.
     */
    int processPending() {
        int done = 0;
        try {
            for (List<Interaction> batch = inbox.pending(BATCH); !batch.isEmpty() && !stopping; batch = inbox.pending(BATCH)) {
                processTogether(batch);
                done += batch.size();
            }
            lastError = null;
        } catch (SQLException e) {
            // Stop here and start again at the same message on the next run: order is kept, nothing skipped.
            lastError = "store: " + e.getClass().getSimpleName();
            LOG.warn("Inbox processing paused: {}", StoreFailures.describe(e));
        } catch (RuntimeException e) {
            // Not about one message (those are set aside): a fault of ours. The next run starts again here.
            lastError = "unexpected: " + e.getClass().getSimpleName();
            LOG.error("Inbox processing paused by an unexpected error: {}", StoreFailures.describe(e));
        }
        return done;
    }

    /** Ends {@link #processPending} after the batch in hand: what is left is durable and waits for the next start. */
    void stop() {
        stopping = true;
    }

    /**
     * Up to {@link #TOGETHER} messages in one transaction: one commit instead of one per message. If any of them
     * cannot be processed, the transaction is undone and the batch goes one message at a time, so only the poison
     * message is set aside.
     */
    private void processTogether(List<Interaction> batch) throws SQLException {
        for (int from = 0; from < batch.size(); from += TOGETHER) {
            List<Interaction> group = batch.subList(from, Math.min(from + TOGETHER, batch.size()));
            EventPublisher.Committed<Group> done;
            try {
                // Committed first and posted after: a failure to post is not this transaction's, nothing to undo.
                done = events.commit(database, (c, changes) -> {
                    IdentityCache.View view = identities.open(c);
                    List<Resolved> all = new ArrayList<>();
                    List<TimelineStore.Entry> entries = new ArrayList<>();
                    List<InboxStore.Processed> marks = new ArrayList<>();
                    for (Interaction interaction : group) {
                        if (answersEarlier(interaction.message())) {
                            mark(c, marks);
                            marks.clear();
                        }
                        if (touchesTimeline(interaction.message())) {
                            timeline.append(c, entries);
                            entries.clear();
                        }
                        Resolved one = resolve(c, interaction, view, changes);
                        marks.add(new InboxStore.Processed(interaction.id(), one.customerId(), one.entry().conversationId()));
                        entries.add(one.entry());
                        all.add(one);
                    }
                    mark(c, marks);
                    timeline.append(c, entries);
                    return new Group(all, view);
                });
            } catch (RuntimeException | StackOverflowError | SQLException e) {
                if (e instanceof SQLException sql && !aboutThisMessage(sql)) {
                    throw sql;
                }
                for (Interaction interaction : group) {
                    process(interaction);
                }
                continue;
            }
            done.result().identities().remember();
            processed.addAndGet(done.result().resolved().size());
            events.post(done.changes());
        }
    }

    /**
     * Marks the group's messages resolved so far processed, in one round trip; any of them processed already (by
     * another node, or erased) undoes the group.
     */
    private void mark(Connection c, List<InboxStore.Processed> marks) throws SQLException {
        if (!inbox.markProcessed(c, marks)) {
            throw new AlreadyProcessed();
        }
    }

    /**
     * Whether the message may answer an earlier one, maybe of this group: then the group's earlier messages are
     * marked first, since an answer finds the conversation of what it answers on that message's inbox row.
     */
    private static boolean answersEarlier(InboundMessage message) {
        return message.metadata().containsKey(MessageMetadata.REFERENCES);
    }

    /**
     * Whether resolving the message may write to the timeline (an automatic merge): then the group's earlier entries
     * go in first, and the timeline keeps its order.
     */
    private boolean touchesTimeline(InboundMessage message) {
        return resolver.mayMergeOn(message);
    }

    /**
     * Another node (or an earlier run) processed a message, or an erasure deleted it: undo the group and go one by
     * one, and undo the single message's effects.
     */
    private static final class AlreadyProcessed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyProcessed() {
            super(null, null, false, false);
        }
    }

    private void process(Interaction interaction) throws SQLException {
        try {
            EventPublisher.Committed<Group> done = events.commit(database, (c, changes) -> {
                IdentityCache.View view = identities.open(c);
                Resolved resolved = resolve(c, interaction, view, changes);
                // AlreadyProcessed undoes what resolving did
                mark(c, List.of(new InboxStore.Processed(interaction.id(), resolved.customerId(),
                        resolved.entry().conversationId())));
                timeline.append(c, List.of(resolved.entry()));
                return new Group(List.of(resolved), view);
            });
            done.result().identities().remember();
            processed.incrementAndGet();
            events.post(done.changes());
        } catch (AlreadyProcessed e) {
            LOG.debug("Interaction {} was processed or erased meanwhile", interaction.id());
        } catch (RuntimeException | StackOverflowError e) {
            // A fault this message's data brings out (even endless recursion) must not hold up everyone after it.
            setAside(interaction, e);
        } catch (SQLException e) {
            if (!aboutThisMessage(e)) {
                throw e;
            }
            setAside(interaction, e);
        }
    }

    /** The reason names the failure's kind only: the store's message quotes the refused value, the person's data. */
    private void setAside(Interaction interaction, Throwable e) throws SQLException {
        String reason = StoreFailures.describe(e);
        LOG.error("Interaction {} cannot be processed and is set aside: {}", interaction.id(), reason);
        inbox.markFailed(interaction.id(), reason);
    }

    /**
     * A data exception (SQLSTATE class 22: a value too long, out of range) or a constraint violation (23) is about
     * the message, and will not go away by waiting: it is set aside. Anything else is the store's, and processing
     * pauses until it is back.
     */
    static boolean aboutThisMessage(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /** A message's customer and its timeline entry (appended with the group's). */
    private record Resolved(String customerId, TimelineStore.Entry entry) {
    }

    /** Messages processed in one transaction, and what the transaction read of identities, to remember once committed. */
    private record Group(List<Resolved> resolved, IdentityCache.View identities) {
    }

    /**
     * Resolves the sender and continues a conversation, reporting what that changed to {@code pending}; the timeline
     * entry is the caller's to append.
     */
    private Resolved resolve(Connection c, Interaction interaction, IdentityCache.View view, EventPublisher.Pending pending)
            throws SQLException {
        InboundMessage message = interaction.message();
        IdentityResolver.Resolution resolution = resolver.resolve(c, message, interaction.id(), view);
        String customerId = resolution.customerId();
        List<String> members = view.members(c, customers, customerId);
        if (message.from().name() != null && !message.from().name().isBlank() && !view.named(customerId)) {
            if (profiles.setAttributeIfAbsent(c, members, customerId, "name", message.from().name().strip(),
                    message.channel() + "/" + message.instance())) {
                // The first name a channel reports names the customer too, when nothing named them yet.
                customers.nameIfUnnamed(c, customerId, message.from().name().strip());
            }
            view.learnNamed(customerId); // so a named sender's next message costs no statement for it
        }
        ConversationStore.Continuation continuation = conversations.continueOrOpen(c, members, customerId, message,
                continuity, reopenWindow);
        Optional<Instant> window = serviceWindow(message);
        if (window.isPresent()) {
            windows.record(c, customerId, message.channel(), window.get());
        }

        if (resolution.created()) {
            pending.add(ContextEvents.CUSTOMER_CREATED, ContextEvents.CUSTOMER_ID, customerId,
                    ContextEvents.CHANNEL, message.channel());
        }
        for (MergeRecord merge : resolution.merges()) {
            pending.add(ContextEvents.CUSTOMER_MERGED, ContextEvents.CUSTOMER_ID, merge.survivorId(),
                    ContextEvents.OTHER_CUSTOMER_ID, merge.mergedId(), ContextEvents.MERGE_ID, merge.id(),
                    ContextEvents.ACTOR, merge.actor());
        }
        if (continuation.outcome() == ConversationStore.Outcome.OPENED || continuation.outcome() == ConversationStore.Outcome.REOPENED) {
            pending.add(continuation.outcome() == ConversationStore.Outcome.OPENED ? ContextEvents.CONVERSATION_OPENED
                    : ContextEvents.CONVERSATION_REOPENED, ContextEvents.CUSTOMER_ID, customerId,
                    ContextEvents.CONVERSATION_ID, continuation.conversationId(), ContextEvents.CHANNEL, message.channel());
        }
        pending.add(ContextEvents.MESSAGE_RECEIVED, ContextEvents.CUSTOMER_ID, customerId,
                ContextEvents.CONVERSATION_ID, continuation.conversationId(), ContextEvents.MESSAGE_ID, interaction.id(),
                ContextEvents.CHANNEL, message.channel(), ContextEvents.INSTANCE, message.instance());
        return new Resolved(customerId, TimelineStore.inbound(customerId, continuation.conversationId(), message, interaction.id()));
    }

    /**
     * The customer-service window the message opens ({@link MessageMetadata#SERVICE_WINDOW_UNTIL}). A value that is
     * no instant is the channel's mistake: the message is still processed, without a window.
     */
    private static Optional<Instant> serviceWindow(InboundMessage message) {
        String until = message.metadata().get(MessageMetadata.SERVICE_WINDOW_UNTIL);
        if (until == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(until.strip()));
        } catch (DateTimeParseException e) {
            LOG.warn("{}/{} sent a service window that is no ISO-8601 instant; none recorded", message.channel(),
                    message.instance());
            return Optional.empty();
        }
    }

    /** DOWN while processing is paused (the last run could not go on): no message moves until it resumes. */
    Health health() {
        String error = lastError;
        String detail = "processed: " + processed.get();
        return error == null ? new Health(Health.State.UP, detail) : Health.down(detail + ", paused: " + error);
    }
}

package org.seamline.context.internal;

import org.seamline.store.SqlLists;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.seamline.api.ingress.AttachmentStore;
import org.seamline.api.message.Attachment;
import org.seamline.api.message.Identifier;
import org.seamline.context.ContextEvents;
import org.seamline.context.Customer;
import org.seamline.context.CustomerPrivacy;
import org.seamline.context.ErasureRecord;
import org.seamline.store.Database;
import org.seamline.store.Attachments;
import org.seamline.store.InboxStore;
import org.seamline.store.Interaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link CustomerPrivacy} on the platform database; an erasure is one transaction. */
@Component(service = CustomerPrivacy.class, configurationPid = ContextComponents.PID)
public class PrivacyService implements CustomerPrivacy {

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyService.class);
    private static final int EXPORT_LIMIT = 100_000;

    /** Tables holding a customer's data, in deletion order, each with its customer column. */
    private static final Map<String, String> PERSONAL_DATA = orderedMap(
            "timeline_entry", "customer_id",
            "customer_attribute", "customer_id",
            "customer_tag", "customer_id",
            "customer_consent", "customer_id",
            "customer_service_window", "customer_id",
            "outbox_message", "customer_id",
            "conversation", "customer_id",
            "customer_identifier", "customer_id",
            "customer", "id");

    private final Database database;
    private final InboxStore inbox;
    private final Attachments attachments;
    private final EventPublisher events;
    private final IdentifierNormalizer normalizer;
    private final CustomerStore customers = new CustomerStore();
    private final ConversationStore conversations = new ConversationStore();
    private final TimelineStore timeline = new TimelineStore();
    private final MergeStore merges = new MergeStore(customers);
    private final OutboxStore outbox = new OutboxStore();
    private final ServiceWindowStore serviceWindows = new ServiceWindowStore();
    private final InteractionEventStore interactionEvents = new InteractionEventStore();

    @Activate
    public PrivacyService(@Reference Database database, @Reference InboxStore inbox, @Reference Attachments attachments,
                          @Reference EventPublisher events, ContextConfiguration config) {
        this.database = database;
        this.inbox = inbox;
        this.attachments = attachments;
        this.events = events;
        this.normalizer = new IdentifierNormalizer(config.defaultRegion());
    }

    @Override
    public Optional<Map<String, Object>> export(String customerId) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            Optional<Customer> customer = customers.customer(c, customerId);
            if (customer.isEmpty()) {
                return Optional.empty();
            }
            List<String> members = customers.members(c, customer.get().id());
            Map<String, Object> export = new LinkedHashMap<>();
            export.put("exportedAt", Instant.now());
            export.put("customer", customer.get());
            export.put("conversations", conversations.conversations(c, members));
            export.put("timeline", timeline.entries(c, "customer_id", members, 0, EXPORT_LIMIT).items());
            export.put("merges", merges.merges(c, customer.get().id()));
            export.put("serviceWindows", serviceWindows.windows(c, members));
            List<Interaction> messages = new ArrayList<>(inbox.byCustomers(c, members));
            messages.addAll(unresolvedFrom(c, customers.identifiersOf(c, members)));
            export.put("messages", messages);
            export.put("interactionEvents", interactionEvents.events(c, ids(messages)));
            return Optional.of(export);
        }
    }

    @Override
    public Optional<ErasureRecord> erase(String customerId, String actor) throws SQLException {
        Optional<ErasureRecord> erased = events.inTransaction(database, (c, changes) -> {
            Optional<String> canonical = customers.canonical(c, customerId);
            if (canonical.isEmpty()) {
                return Optional.<ErasureRecord>empty();
            }
            List<String> members = customers.members(c, canonical.get());
            IdentityCache.bump(c);
            database.eraseFromFiles(); // before the commit: a crash right after it still owes the rewrite
            List<Interaction> unresolved = unresolvedFrom(c, customers.identifiersOf(c, members));
            List<Interaction> resolved = inbox.byCustomers(c, members);
            List<Attachment> files = new ArrayList<>();
            resolved.forEach(m -> files.addAll(m.message().attachments()));
            unresolved.forEach(m -> files.addAll(m.message().attachments()));
            outbox.byCustomers(c, members).forEach(m -> files.addAll(m.attachments())); // files sent to them
            List<String> interactions = new ArrayList<>(ids(resolved));
            interactions.addAll(ids(unresolved));
            interactionEvents.events(c, interactions).values().forEach(list -> list.forEach(e -> files.addAll(e.attachments())));
            Map<String, Integer> removed = new LinkedHashMap<>();
            removed.put("interaction_event", interactionEvents.erase(c, interactions));
            removed.put("inbox_message", inbox.erase(c, ids(resolved)));
            removed.put("unresolved messages", inbox.erase(c, ids(unresolved)));
            removed.put("conversation_variable", deleteVariables(c, members));
            for (Map.Entry<String, String> table : PERSONAL_DATA.entrySet()) {
                removed.put(table.getKey(), SqlLists.deleteWhereIn(c, table.getKey(), table.getValue(), members));
            }
            removed.put("merge reasons", clearMergeReasons(c, members));
            // Once their messages are gone: a file someone else's message names too stays for them.
            removed.put("attachment", attachments.deleteUnreferenced(c, attachmentIds(files)));
            ErasureRecord record = new ErasureRecord(UUID.randomUUID().toString(), members, actor, Instant.now(), removed);
            audit(c, record);
            changes.add(ContextEvents.CUSTOMER_ERASED, ContextEvents.CUSTOMER_ID, record.customerIds().get(0),
                    ContextEvents.ACTOR, actor);
            return Optional.of(record);
        });
        erased.ifPresent(r -> LOG.info("Erased customer {} ({} ids) by {}: {}", r.customerIds().get(0), r.customerIds().size(),
                actor, r.removed()));
        return erased;
    }

    /**
     * Messages the person sent that are not linked to them (not processed yet, or set aside): those from any of their
     * identifiers, compared as processing would normalise them. They are locked, so processing cannot take one
     * while the erasure runs.
     */
    private List<Interaction> unresolvedFrom(Connection c, Set<Identifier> identifiers) throws SQLException {
        List<Interaction> theirs = new ArrayList<>();
        for (Interaction interaction : inbox.unresolved(c)) {
            if (normalizer.normalize(interaction.message().from().identifiers()).stream().anyMatch(identifiers::contains)) {
                theirs.add(interaction);
            }
        }
        return theirs;
    }

    private static List<String> ids(List<Interaction> interactions) {
        return interactions.stream().map(Interaction::id).toList();
    }

    /** The ids of those of these files that are stored with us. */
    private static List<String> attachmentIds(List<Attachment> files) {
        return files.stream().map(Attachment::url).map(AttachmentStore::idOf).flatMap(Optional::stream).distinct().toList();
    }

    /** Context variables hang off conversations, not customers. */
    private static int deleteVariables(Connection c, List<String> customerIds) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM conversation_variable WHERE conversation_id IN "
                + "(SELECT id FROM conversation WHERE customer_id IN (" + SqlLists.placeholders(customerIds.size()) + "))")) {
            SqlLists.bind(delete, 1, customerIds);
            return delete.executeUpdate();
        }
    }

    /** Merge records stay as the audit trail, but their free-text reason may name the person. */
    private static int clearMergeReasons(Connection c, List<String> ids) throws SQLException {
        String in = SqlLists.placeholders(ids.size());
        try (PreparedStatement clear = c.prepareStatement("UPDATE customer_merge SET reason = NULL WHERE reason IS NOT NULL AND "
                + "(survivor_id IN (" + in + ") OR merged_id IN (" + in + "))")) {
            SqlLists.bind(clear, SqlLists.bind(clear, 1, ids), ids);
            return clear.executeUpdate();
        }
    }

    private static void audit(Connection c, ErasureRecord record) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO erasure_audit (id, customer_ids, actor, erased_at, removed) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, record.id());
            insert.setString(2, String.join(",", record.customerIds()));
            insert.setString(3, record.actor());
            insert.setObject(4, record.erasedAt().atOffset(ZoneOffset.UTC));
            insert.setString(5, record.removed().toString());
            insert.executeUpdate();
        }
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}

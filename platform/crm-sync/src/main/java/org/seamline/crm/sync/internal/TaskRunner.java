package org.seamline.crm.sync.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.seamline.api.crm.Activity;
import org.seamline.api.crm.CrmConnector;
import org.seamline.api.crm.CrmContact;
import org.seamline.api.crm.CrmException;
import org.seamline.api.customer.CustomerContext;
import org.seamline.api.customer.CustomerView;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.Identifier;
import org.seamline.context.Conversations;
import org.seamline.context.TimelineEntry;
import org.seamline.crm.sync.internal.TaskStore.Task;

/**
 * Does one task against one connector. Answers what became of it (a CRM id, or why it was skipped); a CRM failure
 * is thrown for the worker to schedule.
 */
final class TaskRunner {

    /** The identifier type that names a customer's CRM contact, e.g. {@code crm} = {@code bitrix24/main/42}. */
    static final String IDENTIFIER_TYPE = "crm";

    private final CrmConnector connector;
    private final String key;
    private final String source;
    private final TaskStore store;
    private final CustomerContext customers;
    private final Conversations conversations;

    TaskRunner(CrmConnector connector, TaskStore store, CustomerContext customers, Conversations conversations) {
        this.connector = connector;
        this.key = key(connector);
        this.source = "crm:" + key;
        this.store = store;
        this.customers = customers;
        this.conversations = conversations;
    }

    static String key(CrmConnector connector) {
        return connector.crm() + "/" + connector.instance();
    }

    /** The outcome: a status for the task and what to keep with it. */
    record Outcome(String status, String result) {
    }

    Outcome run(Task task) throws CrmException, SQLException, IngressUnavailableException {
        return switch (task.kind()) {
            case LOOKUP -> lookup(task.subject());
            case REFRESH -> refresh(task.subject());
            case LOG -> log(task.subject());
        };
    }

    private Outcome lookup(String customerId) throws CrmException, SQLException, IngressUnavailableException {
        Optional<CustomerView> customer = customers.customer(customerId);
        if (customer.isEmpty()) {
            return new Outcome(TaskStore.SKIPPED, "no such customer");
        }
        Optional<CrmContact> contact = linkedOrFound(customer.get());
        if (contact.isEmpty()) {
            return new Outcome(TaskStore.SKIPPED, "no contact in the CRM");
        }
        enrich(customer.get(), contact.get());
        return new Outcome(TaskStore.DONE, contact.get().id());
    }

    private Outcome refresh(String contactId) throws CrmException, SQLException, IngressUnavailableException {
        List<String> linked = store.customersOf(key, contactId);
        if (linked.isEmpty()) {
            return new Outcome(TaskStore.SKIPPED, "no customer is linked to the contact");
        }
        Optional<CrmContact> contact = connector.profile(contactId);
        if (contact.isEmpty()) {
            return new Outcome(TaskStore.SKIPPED, "the contact no longer exists");
        }
        for (String customerId : linked) {
            Optional<CustomerView> customer = customers.customer(customerId);
            if (customer.isPresent()) {
                enrich(customer.get(), contact.get());
            }
        }
        return new Outcome(TaskStore.DONE, contactId);
    }

    private Outcome log(String messageId) throws CrmException, SQLException, IngressUnavailableException {
        Optional<TimelineEntry> entry = conversations.entry(messageId);
        if (entry.isEmpty()) {
            return new Outcome(TaskStore.SKIPPED, "the message is gone (erased)");
        }
        Optional<CustomerView> customer = customers.customer(entry.get().customerId());
        if (customer.isEmpty()) {
            return new Outcome(TaskStore.SKIPPED, "no such customer");
        }
        // The linked contact is logged to without reading it first: one CRM call per message. Only when the CRM
        // refuses it is the contact checked, and looked up again if it is gone.
        Optional<String> linked = store.contactOf(key, customer.get().id());
        if (linked.isPresent()) {
            try {
                return new Outcome(TaskStore.DONE, connector.log(activity(entry.get(), linked.get())));
            } catch (CrmException e) {
                boolean gone = (e.kind() == CrmException.Kind.NOT_FOUND || e.kind() == CrmException.Kind.VALIDATION)
                        && connector.profile(linked.get()).isEmpty();
                if (!gone) {
                    throw e;
                }
            }
        }
        Optional<CrmContact> contact = found(customer.get());
        if (contact.isEmpty()) {
            return new Outcome(TaskStore.SKIPPED, "no contact in the CRM");
        }
        return new Outcome(TaskStore.DONE, connector.log(activity(entry.get(), contact.get().id())));
    }

    /** The linked contact as the CRM has it now, or the one found by the customer's emails and phones (then linked). */
    private Optional<CrmContact> linkedOrFound(CustomerView customer) throws CrmException, SQLException,
            IngressUnavailableException {
        Optional<String> linked = store.contactOf(key, customer.id());
        if (linked.isPresent()) {
            Optional<CrmContact> contact = connector.profile(linked.get());
            if (contact.isPresent()) {
                return contact;
            }
        }
        return found(customer);
    }

    /** The contact found by the customer's emails and phones, then linked; empty when the CRM has none. */
    private Optional<CrmContact> found(CustomerView customer) throws CrmException, SQLException,
            IngressUnavailableException {
        List<CrmContact> found = new ArrayList<>();
        for (Identifier identifier : customer.identifiers()) {
            if (Identifier.EMAIL.equals(identifier.type())) {
                found.addAll(connector.findByEmail(identifier.value().strip().toLowerCase(Locale.ROOT)));
            } else if (Identifier.PHONE.equals(identifier.type()) || Identifier.WHATSAPP.equals(identifier.type())) {
                found.addAll(connector.findByPhone(identifier.value()));
            }
        }
        // Several contacts (duplicates in the CRM): the one changed last is the one people work with.
        Optional<CrmContact> chosen = found.stream().max(Comparator.comparing(
                (CrmContact c) -> c.updatedAt() == null ? java.time.Instant.EPOCH : c.updatedAt()).thenComparing(CrmContact::id));
        if (chosen.isPresent()) {
            store.link(key, customer.id(), chosen.get().id());
            customers.link(customer.id(), new Identifier(IDENTIFIER_TYPE, key + "/" + chosen.get().id()), source);
        }
        return chosen;
    }

    private void enrich(CustomerView customer, CrmContact contact) throws IngressUnavailableException {
        Map<String, String> changes = ContactProfile.changes(customer, ContactProfile.of(contact), source);
        if (!changes.isEmpty()) {
            customers.updateAttributes(customer.id(), source, changes);
        }
    }

    private Activity activity(TimelineEntry entry, String contactId) {
        Activity.Kind kind = kindOf(entry);
        if (kind == Activity.Kind.NOTE) {
            return new Activity(entry.interactionId(), contactId, kind, Activity.Direction.INTERNAL, entry.occurredAt(),
                    "Internal note in Seamline", entry.text(), null);
        }
        Activity.Direction direction = "out".equals(entry.direction()) ? Activity.Direction.OUTBOUND : Activity.Direction.INBOUND;
        String subject = (direction == Activity.Direction.INBOUND ? "Inbound " : "Outbound ")
                + kind.name().toLowerCase(Locale.ROOT) + " via Seamline (" + entry.channel() + "/" + entry.instance() + ")";
        return new Activity(entry.interactionId(), contactId, kind, direction, entry.occurredAt(), subject, entry.text(), null);
    }

    /** The entry's channel is its kind ({@code whatsapp}); the instance is kept apart. */
    private static Activity.Kind kindOf(TimelineEntry entry) {
        if ("call".equals(entry.kind())) {
            return Activity.Kind.CALL;
        }
        if ("note".equals(entry.kind())) {
            return Activity.Kind.NOTE;
        }
        return switch (String.valueOf(entry.channel())) {
            case "email" -> Activity.Kind.EMAIL;
            case "sms" -> Activity.Kind.SMS;
            case "whatsapp" -> Activity.Kind.WHATSAPP;
            case "voice" -> Activity.Kind.CALL;
            default -> Activity.Kind.CHAT;
        };
    }
}

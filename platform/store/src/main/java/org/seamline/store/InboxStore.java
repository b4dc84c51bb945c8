package org.seamline.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.seamline.api.ingress.Acceptance;
import org.seamline.api.message.InboundMessage;

/** The durable inbox table: idempotent inserts keyed by channel + instance + provider message id. */
@ProviderType
public interface InboxStore {

    /**
     * Inserts the messages in one transaction and commits it. Answers one acceptance per message, in order; a message
     * whose key is already stored (or repeats within the batch, or was {@linkplain #erase erased}) gets the first
     * one's id and {@code duplicate = true}.
     */
    List<Acceptance> insert(List<InboundMessage> messages) throws SQLException;

    Optional<Interaction> find(String id) throws SQLException;

    /** Newest first; {@code channel} null for all channels. */
    Page<Interaction> list(String channel, int offset, int limit) throws SQLException;

    /** The stored messages resolved to any of these customers, oldest first (for a data export). */
    List<Interaction> byCustomers(Connection connection, List<String> customerIds) throws SQLException;

    /**
     * Messages not yet processed, oldest first: the inbox processor's work list. A stored message that no longer
     * reads as a message is set aside on the way (with its reason), so it never holds up the others.
     */
    List<Interaction> pending(int limit) throws SQLException;

    /**
     * Every message not resolved to a customer (not processed yet, or set aside), oldest first, locked in the caller's
     * transaction until it ends (processing one of them waits): for an erasure or an export that must also reach
     * what the person sent but nobody linked to them.
     */
    List<Interaction> unresolved(Connection connection) throws SQLException;

    /**
     * Deletes these messages in the caller's transaction and keeps a one-way hash of each one's key, so the same
     * message delivered again is answered as a repeat ({@link #insert}) and not stored again. Answers how many went.
     */
    int erase(Connection connection, List<String> interactionIds) throws SQLException;

    /** A message processed: the customer it resolved to and the conversation it went to. */
    record Processed(String interactionId, String customerId, String conversationId) {
    }

    /**
     * Marks messages processed inside the caller's transaction, so processing and its effects commit together; one
     * round trip for all of them. False when any of them was processed already (by an earlier attempt or another
     * node): the caller undoes its transaction. The conversation is kept so an answer to a message finds it by the
     * inbox's key.
     */
    boolean markProcessed(Connection connection, List<Processed> messages) throws SQLException;

    /** Records why a message cannot be processed and takes it off the work list (a poison message must not block). */
    void markFailed(String interactionId, String reason) throws SQLException;

    /** Messages set aside by {@link #markFailed} and not discarded, oldest first. */
    default List<SetAside> setAside(int limit) throws SQLException {
        return setAside(0, limit);
    }

    /** One page of the messages set aside by {@link #markFailed}, oldest first. */
    List<SetAside> setAside(int offset, int limit) throws SQLException;

    /**
     * Puts a set-aside message back on the work list (after the cause was fixed). False when the message is not set
     * aside. It is processed next, after messages that arrived later, so its customer's order may differ.
     */
    boolean retry(String interactionId) throws SQLException;

    /**
     * Takes a set-aside message off the dead-letter list for good, recording who decided it. The message stays
     * stored, so a redelivery is still dropped as a repeat. False when the message is not set aside (already retried
     * or discarded, perhaps by another admin at the same moment).
     */
    boolean discard(String interactionId, String actor) throws SQLException;
}

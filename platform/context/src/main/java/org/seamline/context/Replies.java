package org.seamline.context;

import java.sql.SQLException;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Sends an agent's or bot's reply into a conversation, through the outbox. */
@ProviderType
public interface Replies {

    /**
     * Queues a reply. The channel is the one the customer wrote on last unless {@code channel} names another that
     * can reach them. The outbox row and the reply's timeline entry commit together; a dispatcher sends it.
     *
     * @param purpose        {@code SERVICE} for answers (refused if the customer opted out on that channel);
     *                       {@code MARKETING} needs the customer's recorded opt-in
     * @param attachmentIds  files uploaded before ({@code POST /api/v1/attachments}) to send along; the channel must
     *                       carry attachments
     * @param idempotencyKey the same key never queues a second reply; null for a new random key
     */
    default QueuedReply reply(String conversationId, String text, List<String> attachmentIds, String channel,
                              ConsentPurpose purpose, String idempotencyKey) throws SQLException, ReplyException {
        return reply(conversationId, text, attachmentIds, channel, purpose, null, idempotencyKey);
    }

    /**
     * Queues a reply that may name a template. On a channel with a customer-service window (WhatsApp) a reply
     * without a template is refused ({@link ReplyException.Kind#TEMPLATE_REQUIRED}) while the customer's window is
     * closed or unknown; with one, the channel sends the text inside the window and the template outside it.
     *
     * @param template null for none; part of what the idempotency key stands for
     */
    QueuedReply reply(String conversationId, String text, List<String> attachmentIds, String channel, ConsentPurpose purpose,
                      ReplyTemplate template, String idempotencyKey) throws SQLException, ReplyException;
}

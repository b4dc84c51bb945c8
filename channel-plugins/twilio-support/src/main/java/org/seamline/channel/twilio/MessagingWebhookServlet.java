package org.seamline.channel.twilio;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.seamline.api.ingress.Acceptance;
import org.seamline.api.ingress.AttachmentStore;
import org.seamline.api.ingress.DeliveryReports;
import org.seamline.api.ingress.Ingress;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.Attachment;
import org.seamline.api.message.DeliveryUpdate;
import org.seamline.api.message.InboundMessage;

/**
 * {@code POST /hooks/<channel>/<instance>/inbound} and {@code …/status} of a Twilio messaging channel. An inbound
 * message is answered with an empty {@code <Response/>} right after the inbox committed it; its MessageSid is the
 * inbox key, so a redelivery (also several at once) stores nothing new.
 */
public final class MessagingWebhookServlet extends TwilioWebhookServlet {

    private static final long serialVersionUID = 1L;

    private final String channel;
    private final transient Ingress ingress;
    private final transient DeliveryReports reports;
    private final transient AttachmentStore attachments;
    private final transient Supplier<MediaDownloads> downloads;
    private final transient MessagingEvents events;

    public MessagingWebhookServlet(String channel, String instance, Supplier<WebhookKeys> keys, Ingress ingress,
                                   DeliveryReports reports, AttachmentStore attachments,
                                   Supplier<MediaDownloads> downloads, MessagingEvents events) {
        super(channel, instance, Set.of("inbound", "status"), keys);
        this.channel = channel;
        this.ingress = ingress;
        this.reports = reports;
        this.attachments = attachments;
        this.downloads = downloads;
        this.events = events;
    }

    @Override
    protected void handle(String endpoint, TwilioWebhook hook, HttpServletResponse response)
            throws IOException, IngressUnavailableException {
        if (endpoint.equals("inbound")) {
            inbound(hook);
        } else {
            status(hook);
        }
        Twiml.empty(response);
    }

    private void inbound(TwilioWebhook hook) throws IngressUnavailableException {
        List<String> skipped = new ArrayList<>();
        List<Attachment> files = InboundMedia.store(hook, channel, instance(), downloads.get(), attachments, skipped);
        InboundMessage message = events.message(hook, files, skipped);
        Acceptance acceptance = ingress.accept(message);
        events.accepted(hook, message, acceptance);
    }

    private void status(TwilioWebhook hook) throws IngressUnavailableException {
        Optional<DeliveryUpdate> update = MessageStatusCallbacks.update(
                hook.queryParam(MessageStatusCallbacks.MESSAGE_PARAM), hook);
        if (update.isPresent() && reports.report(update.get())) {
            events.reported(hook, update.get());
        }
    }
}

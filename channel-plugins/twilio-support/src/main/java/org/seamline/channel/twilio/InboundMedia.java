package org.seamline.channel.twilio;

import java.util.ArrayList;
import java.util.List;
import org.seamline.api.ingress.AttachmentStore;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.Attachment;

/**
 * The files of an inbound MMS or WhatsApp message ({@code NumMedia}, {@code MediaUrlN}, {@code MediaContentTypeN}),
 * fetched and stored before the message goes into the inbox, so the message never points at Twilio's copy.
 */
public final class InboundMedia {

    /** Twilio sends at most ten files with a message. */
    private static final int MAX_FILES = 10;

    private InboundMedia() {
    }

    /**
     * Stores every file of the webhook. A file that can never be fetched (too large, gone) is left out and named in
     * {@code skipped}; one that cannot be fetched now throws, so the webhook is answered 503 and Twilio retries.
     */
    public static List<Attachment> store(TwilioWebhook hook, String channel, String instance, MediaDownloads downloads,
                                         AttachmentStore attachments, List<String> skipped)
            throws IngressUnavailableException {
        int count = count(hook.param("NumMedia"));
        List<Attachment> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String url = hook.nonBlank("MediaUrl" + i);
            if (url == null) {
                continue;
            }
            String type = hook.nonBlank("MediaContentType" + i);
            try {
                MediaDownloads.Media media = downloads.fetch(url, type);
                stored.add(attachments.store(channel, instance, name(i, media.contentType()), media.contentType(),
                        media.content()));
            } catch (MediaDownloads.MediaException e) {
                if (e.retryable()) {
                    throw new IngressUnavailableException("file " + (i + 1) + " of the message: " + e.getMessage(), e);
                }
                skipped.add("file " + (i + 1) + ": " + e.getMessage());
            }
        }
        return stored;
    }

    private static int count(String numMedia) {
        try {
            return Math.max(0, Math.min(MAX_FILES, Integer.parseInt(numMedia == null ? "0" : numMedia.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Twilio's media have no file names: one from the position and type, e.g. {@code media-1.jpeg}. */
    private static String name(int index, String contentType) {
        String subtype = contentType == null || !contentType.contains("/") ? "bin"
                : contentType.substring(contentType.indexOf('/') + 1).split("[;+ ]")[0];
        return "media-" + (index + 1) + "." + (subtype.isBlank() ? "bin" : subtype);
    }
}

package org.seamline.channel.voice;

import java.util.Locale;
import java.util.Optional;
import org.seamline.api.ingress.AttachmentStore;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.Attachment;
import org.seamline.channel.twilio.MediaDownloads;

/**
 * A finished voicemail recording, fetched from Twilio (credentials only to the API host, size-limited) and kept with
 * the platform's files, so the call's record never points at Twilio's copy.
 */
final class Recordings {

    private final AttachmentStore attachments;
    private final String instance;

    Recordings(AttachmentStore attachments, String instance) {
        this.attachments = attachments;
        this.instance = instance;
    }

    /** What became of a recording: the stored file, or why there is none. */
    record Stored(Optional<Attachment> file, String skipped) {
    }

    /**
     * @throws IngressUnavailableException when the recording cannot be fetched now (Twilio not answering) or not be
     *                                     stored: the callback is answered 503
     */
    Stored store(MediaDownloads downloads, String recordingSid, String recordingUrl) throws IngressUnavailableException {
        if (recordingUrl == null) {
            return new Stored(Optional.empty(), "no RecordingUrl");
        }
        try {
            MediaDownloads.Media media = downloads.fetch(recordingUrl, "audio/x-wav");
            return new Stored(Optional.of(attachments.store(VoiceChannel.KIND, instance,
                    "voicemail-" + recordingSid + extension(media.contentType()), media.contentType(), media.content())), null);
        } catch (MediaDownloads.MediaException e) {
            if (e.retryable()) {
                throw new IngressUnavailableException("recording " + recordingSid + ": " + e.getMessage(), e);
            }
            return new Stored(Optional.empty(), e.getMessage());
        }
    }

    private static String extension(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.contains("mpeg") || type.contains("mp3") ? ".mp3" : type.contains("wav") ? ".wav" : "";
    }
}

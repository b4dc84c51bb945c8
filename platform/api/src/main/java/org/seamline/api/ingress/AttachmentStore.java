package org.seamline.api.ingress;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.seamline.api.message.Attachment;

/**
 * Where a channel keeps the files that come with an inbound message, before it hands the message to {@link Ingress},
 * and reads the files of a reply it sends.
 * The returned {@link Attachment} (URL {@code seamline:attachment:<id>}) goes into the message; the file is erased
 * with its customer.
 */
@ProviderType
public interface AttachmentStore {

    /** The URL scheme of stored attachments: {@code seamline:attachment:<id>}. */
    String URL_PREFIX = "seamline:attachment:";

    /** The stored file's id in one of our URLs; empty for any other URL. */
    static Optional<String> idOf(String url) {
        return url != null && url.startsWith(URL_PREFIX) ? Optional.of(url.substring(URL_PREFIX.length())) : Optional.empty();
    }

    /**
     * Stores the file durably before returning. The same content with the same name from the same channel instance
     * is stored once (a mail fetched again after a crash adds nothing). The name is sanitised: no path, no control
     * characters, at most 255 characters.
     */
    Attachment store(String channel, String instance, String name, String contentType, byte[] content)
            throws IngressUnavailableException;

    /**
     * The bytes of a stored attachment, for a channel sending it out ({@code seamline:attachment:<id>}); empty when
     * there is no such file (erased with its customer, or not one of ours).
     */
    Optional<byte[]> read(String url) throws IngressUnavailableException;
}

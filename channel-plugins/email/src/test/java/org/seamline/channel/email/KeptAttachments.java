package org.seamline.channel.email;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.seamline.api.ingress.AttachmentStore;
import org.seamline.api.message.Attachment;

/** The {@link AttachmentStore} contract in memory: files kept in order, each answered with its own URL and readable by it. */
final class KeptAttachments implements AttachmentStore {

    record Kept(String name, String contentType, byte[] content) {
    }

    final List<Kept> kept = new CopyOnWriteArrayList<>();

    @Override
    public Attachment store(String channel, String instance, String name, String contentType, byte[] content) {
        kept.add(new Kept(name, contentType, content));
        return new Attachment(URL_PREFIX + kept.size(), contentType, name, (long) content.length);
    }

    /** By the URL {@link #store} answered; empty for any other. */
    @Override
    public Optional<byte[]> read(String url) {
        if (!url.startsWith(URL_PREFIX)) {
            return Optional.empty();
        }
        try {
            int index = Integer.parseInt(url.substring(URL_PREFIX.length())) - 1;
            return index >= 0 && index < kept.size() ? Optional.of(kept.get(index).content()) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

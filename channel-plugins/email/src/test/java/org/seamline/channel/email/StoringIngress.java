package org.seamline.channel.email;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.seamline.api.ingress.Acceptance;
import org.seamline.api.ingress.Ingress;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.MessageMetadata;

/**
 * The {@link Ingress} contract in memory: one entry per channel + instance + provider message id, repeats answered
 * as duplicates unless their fingerprint differs (then stored under the id + {@code #} + fingerprint, as the
 * platform does), and an "unavailable" switch like a store that is down.
 */
final class StoringIngress implements Ingress {

    final List<InboundMessage> stored = new CopyOnWriteArrayList<>();
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    volatile boolean unavailable;

    @Override
    public Acceptance accept(InboundMessage message) throws IngressUnavailableException {
        if (unavailable) {
            throw new IngressUnavailableException("store is down", null);
        }
        String key = message.channel() + "/" + message.instance() + "/" + message.providerMessageId();
        String existing = keys.putIfAbsent(key, "i-" + keys.size());
        if (existing != null) {
            String fingerprint = message.metadata().get(MessageMetadata.FINGERPRINT);
            String storedFingerprint = stored.stream().filter(m -> m.providerMessageId().equals(message.providerMessageId()))
                    .findFirst().map(m -> m.metadata().get(MessageMetadata.FINGERPRINT)).orElse(null);
            if (fingerprint != null && storedFingerprint != null && !fingerprint.equals(storedFingerprint)) {
                return accept(message.withProviderMessageId(message.providerMessageId() + "#" + fingerprint.substring(0, 16)));
            }
            return new Acceptance(existing, true);
        }
        stored.add(message);
        return new Acceptance(keys.get(key), false);
    }
}

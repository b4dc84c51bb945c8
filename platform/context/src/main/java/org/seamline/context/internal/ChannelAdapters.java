package org.seamline.context.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.seamline.api.channel.ChannelAdapter;

/** The channel adapters deployed right now, by channel and instance; plugins come and go while it runs. */
@Component(service = ChannelAdapters.class)
public class ChannelAdapters {

    /** The channel kinds the platform ships or documents plugins for: known even while none is deployed. */
    private static final Set<String> BUILT_IN = Set.of("api", "email", "sms", "whatsapp", "voice");

    private final Map<String, ChannelAdapter> adapters = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void add(ChannelAdapter adapter) {
        adapters.put(key(adapter.channel(), adapter.instance()), adapter);
    }

    void remove(ChannelAdapter adapter) {
        adapters.remove(key(adapter.channel(), adapter.instance()), adapter);
    }

    Optional<ChannelAdapter> adapter(String channel, String instance) {
        return Optional.ofNullable(adapters.get(key(channel, instance)));
    }

    /** Any instance of a channel, one that can send first, for a reply that asks for a channel but not an instance. */
    Optional<ChannelAdapter> anyOf(String channel) {
        List<ChannelAdapter> instances = adapters.values().stream().filter(a -> a.channel().equals(channel)).toList();
        return instances.stream().filter(a -> !a.capabilities().isEmpty()).findFirst().or(() -> instances.stream().findFirst());
    }

    /**
     * A channel kind named in a query, preference or consent, when the platform knows it: built in, or deployed now.
     * {@code *} (every channel) only where {@code everyAllowed}. A typo would otherwise filter to nothing or store a
     * preference no channel ever reads.
     */
    String known(String field, String channel, boolean everyAllowed) {
        String kind = ProfileRules.channel(channel);
        if (kind.equals("*") ? !everyAllowed
                : !BUILT_IN.contains(kind) && adapters.values().stream().noneMatch(a -> a.channel().equals(kind))) {
            Set<String> kinds = new TreeSet<>(BUILT_IN);
            adapters.values().forEach(a -> kinds.add(a.channel()));
            throw new IllegalArgumentException(field + " '" + kind + "' is not a channel; known: " + String.join(", ", kinds)
                    + (everyAllowed ? ", or * for every channel" : ""));
        }
        return kind;
    }

    private static String key(String channel, String instance) {
        return channel + "/" + instance;
    }
}

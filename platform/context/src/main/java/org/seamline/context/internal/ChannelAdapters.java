package org.seamline.context.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.seamline.api.channel.ChannelAdapter;

/** The channel adapters deployed right now, by channel and instance; plugins come and go while it runs. */
@Component(service = ChannelAdapters.class)
public class ChannelAdapters {

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

    /** Any instance of a channel, for a reply that asks for a channel but not an instance. */
    Optional<ChannelAdapter> anyOf(String channel) {
        return adapters.values().stream().filter(a -> a.channel().equals(channel)).findFirst();
    }

    private static String key(String channel, String instance) {
        return channel + "/" + instance;
    }
}

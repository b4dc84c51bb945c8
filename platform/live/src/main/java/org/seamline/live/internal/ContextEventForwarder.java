package org.seamline.live.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.propertytypes.EventTopics;
import org.seamline.context.ContextEvents;

/**
 * Passes the customer context's events to the streams: {@code seamline/message/received} becomes
 * {@code message.received}, with only the named id properties, so text, names or identifiers can never reach a
 * stream even if an event one day carries them. Runs on EventAdmin's thread, so it only appends to the log.
 */
@Component(service = EventHandler.class)
@EventTopics({"seamline/customer/*", "seamline/conversation/*", "seamline/message/*"})
public class ContextEventForwarder implements EventHandler {

    private static final String PREFIX = "seamline/";
    /** The properties a stream may see, in the order they are written. */
    private static final List<String> IDS = List.of(ContextEvents.CONVERSATION_ID, ContextEvents.CUSTOMER_ID,
            ContextEvents.OTHER_CUSTOMER_ID, ContextEvents.MERGE_ID, ContextEvents.MESSAGE_ID, ContextEvents.CHANNEL,
            ContextEvents.INSTANCE, ContextEvents.STATUS, ContextEvents.ACTOR);

    private final LiveEvents live;

    @Activate
    public ContextEventForwarder(@Reference LiveEvents live) {
        this.live = live;
    }

    @Override
    public void handleEvent(Event event) {
        String topic = event.getTopic();
        if (!topic.startsWith(PREFIX)) {
            return;
        }
        live.hub().publish(type(topic), data(event));
    }

    /** {@code seamline/conversation/changed} → {@code conversation.changed}. */
    static String type(String topic) {
        return topic.substring(PREFIX.length()).replace('/', '.');
    }

    static Map<String, Object> data(Event event) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (String name : IDS) {
            Object value = event.getProperty(name);
            if (value instanceof String || value instanceof Number) {
                data.put(name, value);
            }
        }
        return data;
    }
}

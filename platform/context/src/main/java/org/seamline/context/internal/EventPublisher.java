package org.seamline.context.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts {@link org.seamline.context.ContextEvents} on EventAdmin, asynchronously, once the change they report is
 * committed. Without EventAdmin the platform works on and the events are dropped: they are notifications, the
 * store is the record.
 */
@Component(service = EventPublisher.class)
public class EventPublisher {

    /** Events collected during a transaction, posted only if it commits. */
    static final class Pending {
        private final List<Event> events = new ArrayList<>();

        void add(String topic, Object... keysAndValues) {
            Map<String, Object> properties = new HashMap<>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                if (keysAndValues[i + 1] != null) {
                    properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
                }
            }
            events.add(new Event(topic, properties));
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    public EventPublisher() {
    }

    /** For tests: delivers to the given EventAdmin. */
    EventPublisher(EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    void post(Pending committed) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            committed.events.forEach(admin::postEvent);
        }
    }

    void post(String topic, Object... keysAndValues) {
        Pending single = new Pending();
        single.add(topic, keysAndValues);
        post(single);
    }
}

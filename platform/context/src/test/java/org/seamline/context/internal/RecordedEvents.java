package org.seamline.context.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** An EventAdmin that keeps what was posted, so tests can see which events a change produced. */
final class RecordedEvents implements EventAdmin {

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void postEvent(Event event) {
        events.add(event);
    }

    @Override
    public void sendEvent(Event event) {
        events.add(event);
    }

    List<String> topics() {
        return events.stream().map(Event::getTopic).toList();
    }

    List<Event> of(String topic) {
        return events.stream().filter(e -> e.getTopic().equals(topic)).toList();
    }

    void clear() {
        events.clear();
    }
}

package org.seamline.live.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class ContextEventForwarderTest {

    @Test
    void topicsBecomeTypesAndOnlyTheNamedIdsPass() {
        assertEquals("message.received", ContextEventForwarder.type("seamline/message/received"));
        assertEquals("conversation.changed", ContextEventForwarder.type("seamline/conversation/changed"));

        Event event = new Event("seamline/message/received", Map.of("messageId", "m-1", "conversationId", "c-1",
                "channel", "email", "text", "my card number is …", "from", "anna@example.com", "actor", "ann"));
        Map<String, Object> data = ContextEventForwarder.data(event);
        assertEquals(Map.of("messageId", "m-1", "conversationId", "c-1", "channel", "email", "actor", "ann"), data);
        assertEquals(List.of("conversationId", "messageId", "channel", "actor"), List.copyOf(data.keySet()), "a stable order");
    }
}

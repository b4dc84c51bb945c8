package org.seamline.live.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventLogTest {

    @Test
    void eachEventIsOneFrameWithAnIncreasingIdThatEndsInTheNodesTag() {
        EventLog log = new EventLog(4, 1000, 7);
        long first = log.append("message.received", "{\"messageId\":\"m-1\"}");
        long second = log.append("conversation.changed", "{}");
        assertEquals(1001007, first);
        assertEquals(1002007, second);
        assertEquals("id: 1001007\nevent: message.received\ndata: {\"messageId\":\"m-1\"}\n\n",
                new String(log.after(1000).frame(), StandardCharsets.UTF_8));
        assertNull(log.after(log.head()), "nothing after the newest");
    }

    @Test
    void resumesWhileTheRingHoldsWhatFollowedAndNotFromElsewhere() {
        EventLog log = new EventLog(3, 0, 42);
        long[] ids = new long[6];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = log.append("e", "{}");
        }
        // the ring holds positions 4, 5, 6: one may resume after 3, 4, 5 or 6
        assertEquals(3, log.resumePosition(Long.toString(ids[2])));
        assertEquals(6, log.resumePosition(Long.toString(ids[5])));
        assertEquals(-1, log.resumePosition(Long.toString(ids[1])), "older than the ring");
        assertEquals(-1, log.resumePosition(Long.toString(ids[5] + 1000)), "from the future: another run");
        assertEquals(-1, log.resumePosition(Long.toString(ids[3] + 1)), "another node's tag");
        assertEquals(-1, log.resumePosition("not-a-number"));
        assertEquals(-1, log.resumePosition("-42"));
        assertTrue(log.lost(2));
        assertFalse(log.lost(3));
        assertEquals(4, log.after(3).position());
    }
}

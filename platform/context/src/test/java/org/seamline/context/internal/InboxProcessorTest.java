package org.seamline.context.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class InboxProcessorTest {

    @Test
    void autoMergeChannelsReadFromACfgFileOrTheWebConsoleMeanTheSame() {
        assertEquals(Set.of("api", "sms", "whatsapp"), InboxProcessor.channels(new String[] {"api, sms,whatsapp"}));
        assertEquals(Set.of("api", "sms"), InboxProcessor.channels(new String[] {"api", " sms "}));
        assertEquals(Set.of(), InboxProcessor.channels(new String[] {" "}), "an empty value turns automatic merges off");
    }
}

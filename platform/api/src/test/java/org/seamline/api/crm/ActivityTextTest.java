package org.seamline.api.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The text every connector writes for an activity, and how a retry recognises it. */
class ActivityTextTest {

    private static Activity activity(Activity.Kind kind, Activity.Direction direction, String subject, String body,
                                     String author) {
        return new Activity("msg-1", "42", kind, direction, Instant.EPOCH, subject, body, author);
    }

    @Test
    void aRecordIsTheHeadingTheTextAndTheMarkerLine() {
        assertEquals("WhatsApp from the customer: Order 42\n\nWhere is my order?\n\nSeamline ID: msg-1",
                ActivityText.of(activity(Activity.Kind.WHATSAPP, Activity.Direction.INBOUND, "Order 42", "Where is my order?", null)));
        assertEquals("E-mail to the customer (olga)\n\nSeamline ID: msg-1",
                ActivityText.of(activity(Activity.Kind.EMAIL, Activity.Direction.OUTBOUND, " ", "", "olga")),
                "no blank subject, no empty body");
        assertEquals("Note, internal (olga): Called back",
                ActivityText.heading(activity(Activity.Kind.NOTE, Activity.Direction.INTERNAL, "Called back", "x", "olga")));
    }

    @Test
    void onlyTheLastLineNamesTheInteraction() {
        String written = ActivityText.of(activity(Activity.Kind.SMS, Activity.Direction.INBOUND, null, "hi", null));
        assertTrue(ActivityText.marks(written, "msg-1"));
        assertFalse(ActivityText.marks(written, "msg-2"));
        assertEquals("msg-1", ActivityText.interactionOf(written));

        String quoting = "I was told \"Seamline ID: msg-2\"\nSeamline ID: msg-2\nthanks";
        assertFalse(ActivityText.marks(quoting, "msg-2"), "a customer quoting a marker line is not that record");
        assertNull(ActivityText.interactionOf(quoting));
        assertNull(ActivityText.interactionOf(null));
    }

    @Test
    void aCrmThatGivesTheTextBackAsHtmlStillMatches() {
        assertTrue(ActivityText.marks("SMS from the customer<br><br>hi<br/>Seamline ID: msg-1", "msg-1"));
        assertTrue(ActivityText.marks("SMS from the customer\r\n\r\nhi\r\nSeamline ID: msg-1\r\n", "msg-1"));
    }
}

package org.seamline.crm.bitrix24;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seamline.api.crm.Activity;
import org.seamline.api.crm.CrmConnector;
import org.seamline.api.crm.CrmException;
import org.seamline.bitrix24.standin.Bitrix24StandIn;
import org.seamline.bitrix24.standin.Fault;

/** Each interaction reaches the contact's timeline once, even when the answer to the first post was lost. */
class TimelineTest {

    private Bitrix24Fixture fixture;
    private Bitrix24StandIn standIn;
    private CrmConnector connector;
    private String contact;

    @BeforeEach
    void start() throws Exception {
        fixture = new Bitrix24Fixture();
        standIn = fixture.standIn();
        connector = fixture.connector();
        contact = fixture.createContact("Lena", List.of(), List.of("+79161234567"), null, null);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private Activity activity(String id, Activity.Kind kind, Activity.Direction direction) {
        return new Activity(id, contact, kind, direction, Instant.now(), "Order 42", "Where is my order?", null);
    }

    @Test
    void aWhatsAppMessageBecomesATimelineCommentNamingChannelDirectionAndInteraction() throws Exception {
        String recordId = connector.log(activity("msg-1", Activity.Kind.WHATSAPP, Activity.Direction.INBOUND));

        List<ObjectNode> comments = standIn.portal().comments(Integer.parseInt(contact));
        assertEquals(1, comments.size());
        assertEquals(recordId, comments.get(0).get("ID").asText());
        assertEquals("WhatsApp from the customer: Order 42\n\nWhere is my order?\n\nSeamline ID: msg-1",
                comments.get(0).get("COMMENT").asText());
    }

    @Test
    void aRepeatAnswersTheFirstRecordAndWritesNothing() throws Exception {
        String first = connector.log(activity("msg-1", Activity.Kind.SMS, Activity.Direction.OUTBOUND));
        connector.log(activity("msg-10", Activity.Kind.SMS, Activity.Direction.OUTBOUND));

        String again = connector.log(activity("msg-1", Activity.Kind.SMS, Activity.Direction.OUTBOUND));

        assertEquals(first, again);
        assertEquals(List.of("msg-1", "msg-10"), fixture.loggedInteractions(contact));
    }

    @Test
    void aRetryAfterALostAnswerFindsTheCommentTheFirstAttemptWrote() throws Exception {
        Activity message = activity("msg-7", Activity.Kind.EMAIL, Activity.Direction.INBOUND);
        // the lookup goes through, the add is carried out but its answer is lost
        standIn.faults().next(1, Fault.NONE);
        standIn.faults().next(1, Fault.LOST_ANSWER);

        CrmException lost = assertThrows(CrmException.class, () -> connector.log(message));
        assertEquals(CrmException.Kind.TRANSIENT, lost.kind());

        String retried = connector.log(message);
        assertEquals(List.of("msg-7"), fixture.loggedInteractions(contact));
        assertEquals(standIn.portal().comments(Integer.parseInt(contact)).get(0).get("ID").asText(), retried);
    }

    @Test
    void aMessageQuotingAnotherInteractionsMarkerDoesNotStandForIt() throws Exception {
        connector.log(new Activity("msg-1", contact, Activity.Kind.CHAT, Activity.Direction.INBOUND, Instant.now(), null,
                "hello\nSeamline ID: msg-2", null));

        connector.log(activity("msg-2", Activity.Kind.CHAT, Activity.Direction.INBOUND));

        assertEquals(List.of("msg-1", "msg-2"), fixture.loggedInteractions(contact));
    }

    @Test
    void pagesOfNewerCommentsAreReadToFindTheRecord() throws Exception {
        String first = connector.log(activity("msg-0", Activity.Kind.CHAT, Activity.Direction.INBOUND));
        for (int i = 1; i <= 60; i++) {
            connector.log(activity("msg-" + i, Activity.Kind.CHAT, Activity.Direction.INBOUND));
        }

        assertEquals(first, connector.log(activity("msg-0", Activity.Kind.CHAT, Activity.Direction.INBOUND)));
        assertEquals(61, fixture.loggedInteractions(contact).size());
    }

    @Test
    void aCallBecomesACallActivityWithTheInteractionAsOriginIdOnceEvenAfterALostAnswer() throws Exception {
        Activity call = new Activity("call-1", contact, Activity.Kind.CALL, Activity.Direction.INBOUND, Instant.now(),
                null, "Voicemail: please call back", null);
        standIn.faults().next(1, Fault.NONE);
        standIn.faults().next(1, Fault.LOST_ANSWER);
        assertThrows(CrmException.class, () -> connector.log(call));

        String recordId = connector.log(call);

        List<ObjectNode> activities = standIn.portal().activities();
        assertEquals(1, activities.size());
        JsonNode activity = activities.get(0);
        assertEquals(recordId, activity.get("ID").asText());
        assertEquals("2", activity.get("TYPE_ID").asText());
        assertEquals("1", activity.get("DIRECTION").asText());
        assertEquals("seamline", activity.get("ORIGINATOR_ID").asText());
        assertEquals("call-1", activity.get("ORIGIN_ID").asText());
        assertEquals("+79161234567", activity.get("COMMUNICATIONS").get(0).get("VALUE").asText());
        assertTrue(standIn.portal().comments(Integer.parseInt(contact)).isEmpty());
    }

    @Test
    void loggingToAContactThatIsGoneIsNotFound() {
        Activity orphan = new Activity("msg-1", "4242", Activity.Kind.NOTE, Activity.Direction.INTERNAL, Instant.now(),
                null, "note", "anna");

        assertEquals(CrmException.Kind.NOT_FOUND, assertThrows(CrmException.class, () -> connector.log(orphan)).kind());
    }
}

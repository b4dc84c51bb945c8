package org.seamline.crm.amocrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.seamline.amocrm.standin.Fault;
import org.seamline.api.crm.Activity;
import org.seamline.api.crm.CrmException;

/** Notes of the right type with the right params, written once even when an answer is lost. */
class NotesTest {

    private final AmoCrmFixture fixture = new AmoCrmFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private String ivan() {
        return fixture.createContact("Ivan Petrov", List.of(), List.of("+7 (916) 123-45-67"), null, List.of());
    }

    private static Activity activity(String id, String contact, Activity.Kind kind, Activity.Direction direction) {
        return new Activity(id, contact, kind, direction, Instant.now(), "Order 42", "Where is it?", "olga");
    }

    private List<JsonNode> notes(String contact) {
        return List.copyOf(fixture.standIn().account().notes(Long.parseLong(contact)));
    }

    @Test
    void callsBecomeCallNotesWithTheInteractionAsUniq() throws Exception {
        String id = ivan();

        fixture.connector().log(activity("call-1", id, Activity.Kind.CALL, Activity.Direction.INBOUND));
        fixture.connector().log(activity("call-2", id, Activity.Kind.CALL, Activity.Direction.OUTBOUND));

        List<JsonNode> notes = notes(id);
        assertEquals("call_in", notes.get(0).path("note_type").asText());
        assertEquals("call_out", notes.get(1).path("note_type").asText());
        JsonNode params = notes.get(0).path("params");
        assertEquals("call-1", params.path("uniq").asText());
        assertEquals("Seamline", params.path("source").asText());
        assertEquals("+7 (916) 123-45-67", params.path("phone").asText());
        assertTrue(params.path("call_result").asText().contains("Where is it?"));
    }

    @Test
    void smsBecomeSmsNotesAndMessagesCommonNotes() throws Exception {
        String id = ivan();

        fixture.connector().log(activity("sms-1", id, Activity.Kind.SMS, Activity.Direction.OUTBOUND));
        fixture.connector().log(activity("wa-1", id, Activity.Kind.WHATSAPP, Activity.Direction.INBOUND));

        List<JsonNode> notes = notes(id);
        assertEquals("sms_out", notes.get(0).path("note_type").asText());
        assertEquals("+7 (916) 123-45-67", notes.get(0).path("params").path("phone").asText());
        assertEquals("common", notes.get(1).path("note_type").asText());
        String text = notes.get(1).path("params").path("text").asText();
        assertTrue(text.startsWith("WhatsApp from the customer (olga): Order 42"), text);
        assertTrue(text.endsWith("\n\nSeamline ID: wa-1"), text);
    }

    @Test
    void aRetryAfterALostAnswerFindsTheNoteAndWritesNoSecond() throws Exception {
        String id = ivan();
        Activity activity = activity("msg-9", id, Activity.Kind.EMAIL, Activity.Direction.INBOUND);
        // the note list is answered, then the write is carried out and its answer lost
        fixture.standIn().faults().next(1, Fault.NONE);
        fixture.standIn().faults().next(1, Fault.LOST_ANSWER);

        CrmException lost = assertThrows(CrmException.class, () -> fixture.connector().log(activity));
        assertEquals(CrmException.Kind.TRANSIENT, lost.kind());

        String again = fixture.connector().log(activity);

        assertEquals(List.of("msg-9"), fixture.loggedInteractions(id));
        assertEquals(notes(id).get(0).path("id").asText(), again);
    }

    @Test
    void aQuotedMarkerIsNotMistakenForTheRecordOfAnotherInteraction() throws Exception {
        String id = ivan();
        fixture.connector().log(new Activity("msg-1", id, Activity.Kind.CHAT, Activity.Direction.INBOUND, Instant.now(),
                null, "I was told \"Seamline ID: msg-2\"\nthanks", null));

        fixture.connector().log(activity("msg-2", id, Activity.Kind.CHAT, Activity.Direction.INBOUND));

        assertEquals(List.of("msg-1", "msg-2"), fixture.loggedInteractions(id));
    }

    @Test
    void aNoteForAContactThatIsGoneIsNotFound() {
        CrmException missing = assertThrows(CrmException.class,
                () -> fixture.connector().log(activity("call-1", "424242", Activity.Kind.CALL, Activity.Direction.INBOUND)));
        assertEquals(CrmException.Kind.NOT_FOUND, missing.kind());
    }
}

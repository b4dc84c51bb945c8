package org.seamline.amocrm.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Contacts, search, notes, users and companies as API v4 answers them; the limit and injected faults. */
class ApiTest {

    private final AmoCrmStandIn standIn = AmoCrmStandIn.start();
    private final Client client = new Client(standIn.baseUrl()).bearer(standIn.oauth().longLivedToken());

    @AfterEach
    void close() {
        standIn.close();
    }

    private long create(String item) throws Exception {
        Client.Answer created = client.send("POST", "/api/v4/contacts", Client.json("[" + item + "]"));
        assertEquals(200, created.status(), () -> String.valueOf(created.body()));
        return created.body().path("_embedded").path("contacts").path(0).path("id").asLong();
    }

    private static List<Long> ids(Client.Answer answer) {
        List<Long> ids = new ArrayList<>();
        if (answer.body() != null) {
            answer.body().path("_embedded").path("contacts").forEach(c -> ids.add(c.path("id").asLong()));
        }
        return ids;
    }

    @Test
    void contactsAreCreatedReadAndFoundByQuery() throws Exception {
        long anna = create("{'name':'Anna Berg','custom_fields_values':[{'field_code':'EMAIL','values':[{'value':'Anna.Berg@Example.com','enum_code':'WORK'}]},"
                + "{'field_code':'PHONE','values':[{'value':'8 (916) 123-45-67','enum_code':'MOB'}]}]}");

        Client.Answer read = client.get("/api/v4/contacts/" + anna);
        assertEquals(200, read.status());
        assertTrue(read.type().startsWith("application/hal+json"));
        JsonNode email = read.body().path("custom_fields_values").path(0);
        assertEquals("EMAIL", email.path("field_code").asText());
        assertEquals("WORK", email.path("values").path(0).path("enum_code").asText());

        assertEquals(List.of(anna), ids(client.get("/api/v4/contacts?query=anna.berg%40example.com")));
        assertEquals(List.of(anna), ids(client.get("/api/v4/contacts?query=9161234567")), "phones by their digits");
        assertEquals(204, client.get("/api/v4/contacts?query=nobody%40example.com").status());
        assertEquals(204, client.get("/api/v4/contacts/99999").status(), "a missing contact is 204");
    }

    @Test
    void aPatchReplacesTheValuesOfTheFieldsItNames() throws Exception {
        long id = create("{'name':'Lena','custom_fields_values':[{'field_code':'EMAIL','values':[{'value':'a@example.com'}]},"
                + "{'field_code':'PHONE','values':[{'value':'+79161234567'}]}]}");

        client.send("PATCH", "/api/v4/contacts/" + id, Client.json("{'custom_fields_values':[{'field_code':'EMAIL','values':[{'value':'b@example.com'}]}]}"));

        JsonNode fields = client.get("/api/v4/contacts/" + id).body().path("custom_fields_values");
        List<String> emails = new ArrayList<>();
        for (JsonNode field : fields) {
            if (field.path("field_code").asText().equals("EMAIL")) {
                field.path("values").forEach(v -> emails.add(v.path("value").asText()));
            }
        }
        assertEquals(List.of("b@example.com"), emails, "the named field's values were replaced");
        assertEquals(2, fields.size(), "the phone was not named and is kept");
    }

    @Test
    void invalidWritesAnswerValidationErrors() throws Exception {
        Client.Answer unknownField = client.send("POST", "/api/v4/contacts",
                Client.json("[{'name':'X','custom_fields_values':[{'field_id':1,'values':[{'value':'v'}]}]}]"));
        assertEquals(400, unknownField.status());
        assertTrue(unknownField.type().startsWith("application/problem+json"));
        assertEquals("NotSupportedChoice", unknownField.body().path("validation-errors").path(0).path("errors").path(0).path("code").asText());
        assertEquals(0, standIn.account().contactCount(), "nothing of a refused request is kept");

        long id = create("{'name':'Ivan'}");
        Client.Answer noUniq = client.send("POST", "/api/v4/contacts/notes",
                Client.json("[{'entity_id':" + id + ",'note_type':'call_in','params':{'duration':0,'source':'x','phone':''}}]"));
        assertEquals(400, noUniq.status());
        assertEquals(400, client.get("/api/v4/contacts?limit=251").status());
    }

    @Test
    void notesAreKeptAndReadByTypeNewestFirst() throws Exception {
        long id = create("{'name':'Ivan'}");
        client.send("POST", "/api/v4/contacts/notes", Client.json("[{'entity_id':" + id + ",'note_type':'common','params':{'text':'one'}},"
                + "{'entity_id':" + id + ",'note_type':'call_out','params':{'uniq':'c-1','duration':5,'source':'s','phone':'+7'}},"
                + "{'entity_id':" + id + ",'note_type':'common','params':{'text':'two'}}]"));

        Client.Answer common = client.get("/api/v4/contacts/" + id + "/notes?filter[note_type][]=common&order[id]=desc");

        JsonNode notes = common.body().path("_embedded").path("notes");
        assertEquals(2, notes.size());
        assertEquals("two", notes.get(0).path("params").path("text").asText());
        assertEquals(204, client.get("/api/v4/contacts/" + id + "/notes?filter[note_type]=sms_in").status());
    }

    @Test
    void contactsPageInOrderOfChangeFromATime() throws Exception {
        standIn.clock().stop();
        long first = create("{'name':'A'}");
        standIn.clock().advance(Duration.ofSeconds(5));
        long second = create("{'name':'B'}");
        long third = create("{'name':'C'}");
        long from = standIn.account().contact(second).orElseThrow().path("updated_at").asLong();

        Client.Answer page1 = client.get("/api/v4/contacts?filter[updated_at][from]=" + from + "&order[updated_at]=asc&limit=1");
        Client.Answer page2 = client.get("/api/v4/contacts?filter[updated_at][from]=" + from + "&order[updated_at]=asc&limit=1&page=2");

        assertEquals(List.of(second), ids(page1));
        assertTrue(page1.body().path("_links").has("next"));
        assertEquals(List.of(third), ids(page2));
        assertFalse(page2.body().path("_links").has("next"));
        assertFalse(ids(client.get("/api/v4/contacts?order[updated_at]=desc&limit=1")).contains(first));
    }

    @Test
    void usersAndCompaniesAreNamed() throws Exception {
        long olga = standIn.account().addUser("Olga Petrova");
        long acme = standIn.account().addCompany("Acme");

        assertEquals("Olga Petrova", client.get("/api/v4/users/" + olga).body().path("name").asText());
        assertEquals("Acme", client.get("/api/v4/companies/" + acme).body().path("name").asText());
    }

    @Test
    void theEighthRequestInOneSecondIs429UntilTheSecondHasPassed() throws Exception {
        standIn.clock().stop();
        for (int i = 0; i < RateLimit.AMOCRM_PER_SECOND; i++) {
            assertEquals(204, client.get("/api/v4/contacts").status());
        }
        Client.Answer limited = client.get("/api/v4/contacts");
        assertEquals(429, limited.status());
        assertTrue(limited.type().startsWith("application/problem+json"));

        standIn.clock().advance(Duration.ofSeconds(1));
        assertEquals(204, client.get("/api/v4/contacts").status());
    }

    @Test
    void injectedFaultsAnswerOnceEach() throws Exception {
        standIn.faults().next(1, Fault.SERVICE_UNAVAILABLE);
        standIn.faults().next(1, Fault.IP_BLOCKED);

        assertEquals(503, client.get("/api/v4/contacts").status());
        assertEquals(403, client.get("/api/v4/contacts").status());
        assertEquals(204, client.get("/api/v4/contacts").status());
    }
}

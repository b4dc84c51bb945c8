package org.seamline.hubspot.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Records by id and by unique property, create with the 409 conflict, PATCH, associations, owners, both path families. */
class ObjectsApiTest {

    private HubSpotStandIn standIn;
    private Client client;

    @BeforeEach
    void start() {
        standIn = HubSpotStandIn.start();
        client = new Client(standIn.baseUrl(), standIn.token());
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void aWrongOrMissingTokenIsInvalidAuthentication() throws Exception {
        Client.Answer none = new Client(standIn.baseUrl(), null).get("/crm/v3/objects/contacts/1");
        Client.Answer wrong = new Client(standIn.baseUrl(), "pat-na1-wrong").get("/crm/v3/objects/contacts/1");

        assertEquals(401, none.status());
        assertEquals("INVALID_AUTHENTICATION", none.text("category"));
        assertEquals("error", none.text("status"));
        assertEquals(401, wrong.status());
    }

    @Test
    void aReadOnlyTokenReadsAndSearchesButMayNotWrite() throws Exception {
        Client reader = new Client(standIn.baseUrl(), standIn.readOnlyToken());
        String id = standIn.account().create("contacts", Map.of("email", "anna@example.com"));

        assertEquals(200, reader.get("/crm/v3/objects/contacts/" + id).status());
        assertEquals(200, reader.post("/crm/v3/objects/contacts/search", "{}").status());
        Client.Answer write = reader.patch("/crm/v3/objects/contacts/" + id, "{'properties':{'firstname':'Anna'}}");
        assertEquals(403, write.status());
        assertEquals("MISSING_SCOPES", write.text("category"));
        assertEquals("crm.objects.contacts.write",
                write.body().path("errors").path(0).path("context").path("requiredGranularScopes").path(0).asText());
    }

    @Test
    void aContactIsCreatedReadByIdOrEmailAndPatched() throws Exception {
        Client.Answer created = client.post("/crm/v3/objects/contacts",
                "{'properties':{'email':'Lena@Example.com','firstname':'Lena','phone':'+7 (916) 123-45-67'}}");
        assertEquals(201, created.status());
        String id = created.text("id");
        assertEquals(id, created.body().path("properties").path("hs_object_id").asText());

        Client.Answer byEmail = client.get("/crm/v3/objects/contacts/lena%40example.com?idProperty=email"
                + "&properties=email,phone,hs_searchable_calculated_phone_number");
        assertEquals(id, byEmail.text("id"));
        assertEquals("9161234567", byEmail.body().path("properties").path("hs_searchable_calculated_phone_number").asText());

        Client.Answer patched = client.patch("/crm/v3/objects/contacts/" + id, "{'properties':{'lastname':'Fischer'}}");
        assertEquals(200, patched.status());
        assertEquals("Fischer", patched.body().path("properties").path("lastname").asText());
        assertEquals("Lena", standIn.account().current("contacts", id).orElseThrow().property("firstname"));

        assertEquals(404, client.get("/crm/v3/objects/contacts/999999").status());
        assertEquals(400, client.get("/crm/v3/objects/contacts/Lena?idProperty=firstname").status(),
                "only unique properties identify a record");
    }

    @Test
    void aSecondContactWithTheSameEmailIsAConflictNamingTheExistingId() throws Exception {
        String id = standIn.account().create("contacts", Map.of("email", "anna@example.com",
                "hs_additional_emails", "anna@work.example"));

        for (String email : List.of("ANNA@example.com", "anna@work.example")) {
            Client.Answer conflict = client.post("/crm/v3/objects/contacts", "{'properties':{'email':'" + email + "'}}");
            assertEquals(409, conflict.status());
            assertEquals("CONFLICT", conflict.text("category"));
            assertEquals("Contact already exists. Existing ID: " + id, conflict.text("message"));
        }
    }

    @Test
    void unknownAndReadOnlyPropertiesAreValidationErrors() throws Exception {
        Client.Answer unknown = client.post("/crm/v3/objects/contacts", "{'properties':{'favourite_colour':'red'}}");
        Client.Answer readOnly = client.post("/crm/v3/objects/contacts", "{'properties':{'lastmodifieddate':'1'}}");

        assertEquals(400, unknown.status());
        assertEquals("VALIDATION_ERROR", unknown.text("category"));
        assertEquals(400, readOnly.status());
    }

    @Test
    void anEngagementIsCreatedWithItsAssociationAndFoundByItsUniqueProperty() throws Exception {
        standIn.account().defineProperty("notes", "seamline_interaction_id", true);
        String contact = standIn.account().create("contacts", Map.of("email", "anna@example.com"));
        String note = "{'properties':{'hs_timestamp':'2026-05-01T10:00:00Z','hs_note_body':'hi',"
                + "'seamline_interaction_id':'m-1'},'associations':[{'to':{'id':'" + contact + "'},"
                + "'types':[{'associationCategory':'HUBSPOT_DEFINED','associationTypeId':202}]}]}";

        Client.Answer created = client.post("/crm/objects/2026-03/notes", note);
        assertEquals(201, created.status());
        String id = created.text("id");

        assertEquals(id, client.get("/crm/v3/objects/notes/m-1?idProperty=seamline_interaction_id").text("id"));
        Client.Answer again = client.post("/crm/v3/objects/notes", note);
        assertEquals(409, again.status());
        assertTrue(again.text("message").endsWith("Existing ID: " + id));
        Client.Answer links = client.get("/crm/v4/objects/contacts/" + contact + "/associations/notes");
        assertEquals(Long.parseLong(id), links.body().path("results").path(0).path("toObjectId").asLong());
        assertEquals(201, links.body().path("results").path(0).path("associationTypes").path(0).path("typeId").asInt());
        Client.Answer withLinks = client.get("/crm/objects/2026-03/contacts/" + contact + "?associations=notes");
        assertEquals(id, withLinks.body().path("associations").path("notes").path("results").path(0).path("id").asText());
    }

    @Test
    void engagementsCheckTheirRequiredPropertiesAndAssociationTypes() throws Exception {
        String contact = standIn.account().create("contacts", Map.of("email", "anna@example.com"));

        Client.Answer noTimestamp = client.post("/crm/v3/objects/notes", "{'properties':{'hs_note_body':'hi'}}");
        Client.Answer wrongType = client.post("/crm/v3/objects/calls", "{'properties':{'hs_timestamp':'1'},"
                + "'associations':[{'to':{'id':'" + contact + "'},'types':[{'associationCategory':'HUBSPOT_DEFINED',"
                + "'associationTypeId':202}]}]}");
        Client.Answer noChannel = client.post("/crm/v3/objects/communications",
                "{'properties':{'hs_timestamp':'1','hs_communication_channel_type':'TELEGRAM',"
                        + "'hs_communication_logged_from':'CRM'}}");

        assertEquals(400, noTimestamp.status());
        assertEquals(400, wrongType.status());
        assertEquals(400, noChannel.status());
    }

    @Test
    void anOwnerIsReadById() throws Exception {
        Owner olga = standIn.account().addOwner("Olga", "Petrova", "olga@example.com");

        Client.Answer owner = client.get("/crm/v3/owners/" + olga.id());

        assertEquals("Olga", owner.text("firstName"));
        assertEquals("Petrova", owner.text("lastName"));
        assertEquals(404, client.get("/crm/v3/owners/12345").status());
    }
}

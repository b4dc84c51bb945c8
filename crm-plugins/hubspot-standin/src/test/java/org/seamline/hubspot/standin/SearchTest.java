package org.seamline.hubspot.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Filter groups, sorting, paging, the page and result caps, and the index lag. */
class SearchTest {

    private HubSpotStandIn standIn;
    private Client client;

    @BeforeEach
    void start() {
        standIn = HubSpotStandIn.start();
        standIn.limits().configure(100_000, 1_000_000, 10_000);
        client = new Client(standIn.baseUrl(), standIn.token());
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private List<String> ids(Client.Answer answer) {
        List<String> ids = new ArrayList<>();
        answer.body().path("results").forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }

    @Test
    void filtersAreAndedInAGroupAndGroupsOred() throws Exception {
        String anna = standIn.account().create("contacts", Map.of("firstname", "Anna", "lastname", "Berg"));
        String annaK = standIn.account().create("contacts", Map.of("firstname", "Anna", "lastname", "Kern"));
        String ivan = standIn.account().create("contacts", Map.of("firstname", "Ivan", "lastname", "Berg"));

        Client.Answer and = client.post("/crm/v3/objects/contacts/search", "{'filterGroups':[{'filters':["
                + "{'propertyName':'firstname','operator':'EQ','value':'anna'},"
                + "{'propertyName':'lastname','operator':'EQ','value':'Berg'}]}]}");
        Client.Answer or = client.post("/crm/v3/objects/contacts/search", "{'filterGroups':["
                + "{'filters':[{'propertyName':'lastname','operator':'EQ','value':'Kern'}]},"
                + "{'filters':[{'propertyName':'firstname','operator':'EQ','value':'Ivan'}]}]}");

        assertEquals(List.of(anna), ids(and));
        assertEquals(1, and.body().path("total").asInt());
        assertEquals(List.of(annaK, ivan), ids(or));
    }

    @Test
    void phonesAreSearchableByTheirNationalNumberAndSecondaryEmailsByEquality() throws Exception {
        String id = standIn.account().create("contacts", Map.of("phone", "+7 (916) 123-45-67",
                "hs_additional_emails", "a@x.example;b@x.example"));

        assertEquals(List.of(id), ids(client.post("/crm/v3/objects/contacts/search", "{'filterGroups':[{'filters':["
                + "{'propertyName':'hs_searchable_calculated_phone_number','operator':'EQ','value':'9161234567'}]}]}")));
        assertEquals(List.of(), ids(client.post("/crm/v3/objects/contacts/search", "{'filterGroups':[{'filters':["
                + "{'propertyName':'phone','operator':'EQ','value':'+79161234567'}]}]}")), "phone is free text");
        assertEquals(List.of(id), ids(client.post("/crm/v3/objects/contacts/search", "{'filterGroups':[{'filters':["
                + "{'propertyName':'hs_additional_emails','operator':'EQ','value':'b@x.example'}]}]}")));
    }

    @Test
    void pagesFollowTheSortWithAfterAndTheLastPageHasNoPaging() throws Exception {
        standIn.clock().stop();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(standIn.account().create("contacts", Map.of("firstname", "C" + i)));
            standIn.clock().advance(Duration.ofMillis(5));
        }
        String sorted = "'sorts':[{'propertyName':'lastmodifieddate','direction':'DESCENDING'}],'limit':2";

        Client.Answer first = client.post("/crm/v3/objects/contacts/search", "{" + sorted + "}");
        String after = first.body().path("paging").path("next").path("after").asText();
        Client.Answer last = client.post("/crm/v3/objects/contacts/search", "{" + sorted + ",'after':'4'}");

        assertEquals(List.of(created.get(4), created.get(3)), ids(first));
        assertEquals("2", after);
        assertEquals(List.of(created.get(0)), ids(last));
        assertTrue(last.body().path("paging").isMissingNode());
    }

    @Test
    void dateFiltersTakeEpochMillisecondsAgainstIsoDates() throws Exception {
        standIn.clock().stop();
        standIn.account().create("contacts", Map.of("firstname", "Old"));
        long cut = standIn.clock().now().toEpochMilli();
        standIn.clock().advance(Duration.ofSeconds(1));
        String recent = standIn.account().create("contacts", Map.of("firstname", "New"));

        assertEquals(List.of(recent), ids(client.post("/crm/v3/objects/contacts/search", "{'filterGroups':[{'filters':["
                + "{'propertyName':'lastmodifieddate','operator':'GT','value':'" + cut + "'}]}]}")));
    }

    @Test
    void pagesAreCappedAt200AndResultsAt10000() throws Exception {
        Client.Answer big = client.post("/crm/v3/objects/contacts/search", "{'limit':201}");
        Client.Answer deep = client.post("/crm/v3/objects/contacts/search", "{'limit':100,'after':'9950'}");
        Client.Answer edge = client.post("/crm/v3/objects/contacts/search", "{'limit':100,'after':'9900'}");

        assertEquals(400, big.status());
        assertEquals(400, deep.status());
        assertEquals("VALIDATION_ERROR", deep.text("category"));
        assertEquals(200, edge.status());
    }

    @Test
    void tooManyFilterGroupsOrAnUnknownPropertyAreRefused() throws Exception {
        StringBuilder groups = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            groups.append(i == 0 ? "" : ",").append("{'filters':[{'propertyName':'email','operator':'EQ','value':'x'}]}");
        }
        assertEquals(400, client.post("/crm/v3/objects/contacts/search", "{'filterGroups':[" + groups + "]}").status());
        assertEquals(400, client.post("/crm/v3/objects/contacts/search", "{'filterGroups':[{'filters':["
                + "{'propertyName':'shoe_size','operator':'EQ','value':'x'}]}]}").status());
    }

    @Test
    void withIndexLagSearchShowsARecordAsItWasUntilTheLagPasses() throws Exception {
        standIn.clock().stop();
        standIn.account().searchLag(Duration.ofSeconds(5));
        String id = standIn.account().create("contacts", Map.of("email", "anna@example.com"));
        String search = "{'filterGroups':[{'filters':[{'propertyName':'email','operator':'EQ','value':'anna@example.com'}]}]}";

        assertEquals(List.of(), ids(client.post("/crm/v3/objects/contacts/search", search)));
        assertEquals(200, client.get("/crm/v3/objects/contacts/anna@example.com?idProperty=email").status(),
                "reads by id or unique property are consistent at once");

        standIn.clock().advance(Duration.ofSeconds(5));
        assertEquals(List.of(id), ids(client.post("/crm/v3/objects/contacts/search", search)));
    }
}

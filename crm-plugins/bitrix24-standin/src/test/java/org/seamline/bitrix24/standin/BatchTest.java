package org.seamline.bitrix24.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code batch}: references between commands, per-command errors with a 200, halt, and its own limits. */
class BatchTest {

    private Bitrix24StandIn standIn;
    private Client client;

    @BeforeEach
    void start() {
        standIn = Bitrix24StandIn.start();
        client = new Client(standIn.webhookUrl());
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void aCommandReadsAnEarlierResultAndAFailedCommandGoesToResultErrorUnderA200() throws Exception {
        int owner = standIn.portal().addUser("Olga", "Petrova", "olga@example.com");
        int contact = standIn.portal().addContact(Client.tree("{'NAME':'Lena','ASSIGNED_BY_ID':" + owner + "}"));

        Client.Answer answer = client.json("batch", Client.quote("{'halt':0,'cmd':{"
                + "'c':'crm.contact.get?id=" + contact + "',"
                + "'u':'user.get?ID=$result[c][ASSIGNED_BY_ID]',"
                + "'k':'crm.company.get?id=$result[c][COMPANY_ID]'}}"));

        assertEquals(200, answer.status());
        JsonNode result = answer.body().get("result");
        assertEquals("Olga", result.get("result").get("u").get(0).get("NAME").asText());
        assertFalse(result.get("result").has("k"));
        assertTrue(result.get("result_error").get("k").has("error_description"));
        assertEquals(1, result.get("result_total").get("u").asInt());
        assertTrue(result.get("result_time").get("c").has("operating"));
        assertTrue(answer.body().has("time"));
    }

    @Test
    void emptyPartsAreEmptyArraysAsPhpWritesThem() throws Exception {
        int contact = standIn.portal().addContact(Client.tree("{'NAME':'Lena'}"));

        JsonNode result = client.json("batch", Client.quote("{'cmd':{'c':'crm.contact.get?id=" + contact + "'}}"))
                .body().get("result");

        assertTrue(result.get("result_error").isArray() && result.get("result_error").isEmpty());
        assertTrue(result.get("result_next").isArray());
    }

    @Test
    void haltStopsAtTheFirstFailedCommand() throws Exception {
        JsonNode result = client.json("batch", Client.quote("{'halt':1,'cmd':{"
                + "'a':'crm.contact.get?id=999','b':'crm.contact.add?fields[NAME]=x'}}")).body().get("result");

        assertTrue(result.get("result_error").has("a"));
        assertTrue(standIn.portal().contacts().isEmpty(), "b never ran");
    }

    @Test
    void moreThan50CommandsOrANestedBatchAreRefusedWhole() throws Exception {
        StringBuilder commands = new StringBuilder("{\"cmd\":{");
        for (int i = 0; i < 51; i++) {
            commands.append(i == 0 ? "" : ",").append("\"c").append(i).append("\":\"crm.contact.list\"");
        }
        Client.Answer tooMany = client.json("batch", commands + "}}");
        assertEquals(400, tooMany.status());
        assertEquals("ERROR_BATCH_LENGTH_EXCEEDED", tooMany.body().get("error").asText());

        Client.Answer nested = client.json("batch", Client.quote("{'cmd':{'a':'batch?cmd[b]=crm.contact.list'}}"));
        assertEquals(405, nested.status());
        assertEquals("ERROR_BATCH_METHOD_NOT_ALLOWED", nested.body().get("error").asText());
    }

    @Test
    void theBatchCountsOnceInTheBucketAndItsCommandsInTheLog() throws Exception {
        standIn.bucket().configure(1, 0.001);

        Client.Answer batch = client.json("batch", Client.quote(
                "{'cmd':{'a':'crm.contact.list','b':'crm.contact.list','c':'crm.contact.list'}}"));

        assertEquals(200, batch.status());
        assertEquals(3, standIn.calls().size());
        assertEquals(503, client.json("crm.contact.list", "{}").status());
    }
}

package org.seamline.bitrix24.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inbound-webhook REST API answers with Bitrix24's envelopes, ids, multi-fields and refusals. */
class RestApiTest {

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

    private int add(String fieldsJson) throws Exception {
        Client.Answer added = client.json("crm.contact.add", Client.quote("{'fields':" + fieldsJson + "}"));
        assertEquals(200, added.status(), added.body().toString());
        return added.body().get("result").asInt();
    }

    @Test
    void aWrongWebhookCodeIsRefusedAsInvalidCredentialsAndACallWithoutAnyAsNoAuthFound() throws Exception {
        Client.Answer wrong = new Client(standIn.wrongWebhookUrl()).json("crm.contact.list", "{}");
        assertEquals(401, wrong.status());
        assertEquals("INVALID_CREDENTIALS", wrong.body().get("error").asText());
        assertTrue(wrong.body().has("error_description"));

        Client.Answer none = new Client(standIn.baseUrl() + "/rest/").json("crm.contact.list", "{}");
        assertEquals(401, none.status());
        assertEquals("NO_AUTH_FOUND", none.body().get("error").asText());
    }

    @Test
    void aContactComesBackWithStringIdsMultiFieldItemsAndTheTimeBlock() throws Exception {
        int id = add("{'NAME':'Lena','LAST_NAME':'Fischer','EMAIL':[{'VALUE':'lena@example.com','VALUE_TYPE':'WORK'}],"
                + "'PHONE':[{'VALUE':'+7 916 123-45-67','VALUE_TYPE':'MOBILE'}]}");

        Client.Answer got = client.json("crm.contact.get.json", "{\"id\":" + id + "}");

        JsonNode contact = got.body().get("result");
        assertEquals(String.valueOf(id), contact.get("ID").asText());
        assertTrue(contact.get("ID").isTextual(), "crm.contact.* answers ids as strings");
        assertEquals("1", contact.get("ASSIGNED_BY_ID").asText());
        JsonNode phone = contact.get("PHONE").get(0);
        assertEquals("+7 916 123-45-67", phone.get("VALUE").asText(), "stored as typed");
        assertEquals("MOBILE", phone.get("VALUE_TYPE").asText());
        assertEquals("PHONE", phone.get("TYPE_ID").asText());
        assertTrue(phone.get("ID").isTextual());
        for (String key : new String[] {"start", "finish", "duration", "processing", "date_start", "date_finish",
                "operating_reset_at", "operating"}) {
            assertTrue(got.body().get("time").has(key), key);
        }
    }

    @Test
    void formBodiesWithPhpKeysAndGetQueriesWorkLikeJson() throws Exception {
        Client.Answer added = client.form("crm.contact.add",
                "fields%5BNAME%5D=Anna&fields[EMAIL][0][VALUE]=anna@example.com&fields[EMAIL][0][VALUE_TYPE]=HOME");
        int id = added.body().get("result").asInt();

        JsonNode contact = client.get("crm.contact.get?id=" + id).body().get("result");
        assertEquals("Anna", contact.get("NAME").asText());
        assertEquals("anna@example.com", contact.get("EMAIL").get(0).get("VALUE").asText());
    }

    @Test
    void updateOverwritesAnItemByIdDeletesOneMarkedDeleteAndAddsOneWithoutId() throws Exception {
        int id = add("{'EMAIL':[{'VALUE':'a@example.com'},{'VALUE':'b@example.com'}]}");
        JsonNode emails = client.get("crm.contact.get?id=" + id).body().get("result").get("EMAIL");
        String first = emails.get(0).get("ID").asText();
        String second = emails.get(1).get("ID").asText();

        Client.Answer updated = client.json("crm.contact.update", Client.quote("{'id':" + id + ",'fields':{'EMAIL':["
                + "{'ID':'" + first + "','VALUE':'a2@example.com'},{'ID':'" + second + "','DELETE':'Y'},{'VALUE':'c@example.com'}]}}"));

        assertTrue(updated.body().get("result").asBoolean());
        JsonNode now = client.get("crm.contact.get?id=" + id).body().get("result").get("EMAIL");
        assertEquals(2, now.size());
        assertEquals("a2@example.com", now.get(0).get("VALUE").asText());
        assertEquals(first, now.get(0).get("ID").asText());
        assertEquals("c@example.com", now.get(1).get("VALUE").asText());
    }

    @Test
    void aMissingContactIsNotFoundWithAnEmptyCode() throws Exception {
        Client.Answer missing = client.json("crm.contact.get", "{\"id\":999}");
        assertEquals(400, missing.status());
        assertEquals("", missing.body().get("error").asText());
        assertEquals("Not found", missing.body().get("error_description").asText());
    }

    @Test
    void findByCommAnswersAnEmptyArrayForNothingAndMatchesPhonesByDigitsAndEmailsWithoutCase() throws Exception {
        int lena = add("{'EMAIL':[{'VALUE':'Lena@Example.com'}],'PHONE':[{'VALUE':'+7 (916) 123-45-67'}]}");
        int other = add("{'PHONE':[{'VALUE':'8 916 123 45 67'}]}");

        JsonNode none = client.json("crm.duplicate.findbycomm",
                Client.quote("{'type':'EMAIL','values':['nobody@example.com'],'entity_type':'CONTACT'}")).body();
        assertTrue(none.get("result").isArray() && none.get("result").isEmpty(), none.toString());

        JsonNode byEmail = client.json("crm.duplicate.findbycomm",
                Client.quote("{'type':'EMAIL','values':['lena@example.com']}")).body().get("result");
        assertEquals(lena, byEmail.get("CONTACT").get(0).asInt());
        assertTrue(byEmail.get("CONTACT").get(0).isInt(), "findbycomm answers integer ids");

        JsonNode byPhone = client.json("crm.duplicate.findbycomm",
                Client.quote("{'type':'PHONE','values':['79161234567','89161234567'],'entity_type':'CONTACT'}")).body().get("result");
        assertEquals(2, byPhone.get("CONTACT").size());
        assertEquals(other, byPhone.get("CONTACT").get(1).asInt());

        StringBuilder many = new StringBuilder("{\"type\":\"PHONE\",\"values\":[");
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ",").append('"').append(i).append('"');
        }
        assertEquals(400, client.json("crm.duplicate.findbycomm", many + "]}").status());
    }

    @Test
    void listPagesBy50WithNextAndTotalAndStartMinusOneSkipsTheCount() throws Exception {
        standIn.bucket().configure(250, 5);
        for (int i = 0; i < 55; i++) {
            add("{'NAME':'n" + i + "','PHONE':[{'VALUE':'+7916000" + String.format("%04d", i) + "'}]}");
        }
        JsonNode first = client.json("crm.contact.list", "{}").body();
        assertEquals(50, first.get("result").size());
        assertEquals(50, first.get("next").asInt());
        assertEquals(55, first.get("total").asInt());
        assertFalse(first.get("result").get(0).has("PHONE"), "multi-fields only when selected");

        JsonNode second = client.json("crm.contact.list", "{\"start\":50}").body();
        assertEquals(5, second.get("result").size());
        assertFalse(second.has("next"));

        JsonNode keyset = client.json("crm.contact.list", Client.quote(
                "{'start':-1,'filter':{'>ID':50},'order':{'ID':'ASC'},'select':['ID','PHONE']}")).body();
        assertEquals(5, keyset.get("result").size());
        assertFalse(keyset.has("total"));
        assertTrue(keyset.get("result").get(0).has("PHONE"));

        JsonNode exact = client.json("crm.contact.list", Client.quote("{'filter':{'PHONE':'+79160000007'}}")).body();
        assertEquals(1, exact.get("total").asInt());
        JsonNode otherFormat = client.json("crm.contact.list", Client.quote("{'filter':{'PHONE':'79160000007'}}")).body();
        assertEquals(0, otherFormat.get("total").asInt(), "list filters match multi-fields exactly");
    }

    @Test
    void timelineCommentsTakeOnlyLowerCaseFieldsAndRefuseEmptyTextOrAMissingOwner() throws Exception {
        int id = add("{'NAME':'Lena'}");

        Client.Answer upper = client.json("crm.timeline.comment.add",
                Client.quote("{'FIELDS':{'ENTITY_ID':" + id + ",'ENTITY_TYPE':'contact','COMMENT':'hi'}}"));
        assertEquals(400, upper.status());

        Client.Answer empty = client.json("crm.timeline.comment.add",
                Client.quote("{'fields':{'ENTITY_ID':" + id + ",'ENTITY_TYPE':'contact','COMMENT':''}}"));
        assertEquals("INVALID_ARG_VALUE", empty.body().get("error").asText());

        Client.Answer noOwner = client.json("crm.timeline.comment.add",
                Client.quote("{'fields':{'ENTITY_ID':999,'ENTITY_TYPE':'contact','COMMENT':'hi'}}"));
        assertEquals("OWNER_NOT_FOUND", noOwner.body().get("error").asText());

        Client.Answer ok = client.json("crm.timeline.comment.add",
                Client.quote("{'fields':{'ENTITY_ID':" + id + ",'ENTITY_TYPE':'contact','COMMENT':'hi'}}"));
        assertTrue(ok.body().get("result").isInt());
        JsonNode listed = client.json("crm.timeline.comment.list",
                Client.quote("{'filter':{'ENTITY_ID':" + id + ",'ENTITY_TYPE':'contact'},'order':{'ID':'DESC'}}")).body();
        assertEquals("hi", listed.get("result").get(0).get("COMMENT").asText());
        assertEquals(1, standIn.portal().comments(id).size());
    }

    @Test
    void activitiesAreCallsMeetingsOrEmailsAndCanBeFoundByOriginId() throws Exception {
        int id = add("{'NAME':'Lena'}");
        String fields = "'OWNER_TYPE_ID':3,'OWNER_ID':" + id + ",'COMMUNICATIONS':[{'VALUE':'+79161234567','ENTITY_ID':" + id
                + ",'ENTITY_TYPE_ID':3}],'SUBJECT':'Call','ORIGINATOR_ID':'seamline','ORIGIN_ID':'m-1'";

        Client.Answer task = client.json("crm.activity.add", Client.quote("{'fields':{" + fields + ",'TYPE_ID':3}}"));
        assertEquals("The field TYPE_ID is not defined or invalid.", task.body().get("error_description").asText());

        Client.Answer call = client.json("crm.activity.add", Client.quote("{'fields':{" + fields + ",'TYPE_ID':2}}"));
        int activity = call.body().get("result").asInt();

        JsonNode found = client.json("crm.activity.list", Client.quote(
                "{'filter':{'OWNER_ID':" + id + ",'ORIGINATOR_ID':'seamline','ORIGIN_ID':'m-1'},'select':['ID']}")).body();
        assertEquals(String.valueOf(activity), found.get("result").get(0).get("ID").asText());
        JsonNode other = client.json("crm.activity.list", Client.quote("{'filter':{'ORIGIN_ID':'m-2'}}")).body();
        assertEquals(0, other.get("total").asInt());
    }

    @Test
    void anUnknownMethodIsNotFoundAndAMethodOutsideTheHooksScopeIsRefused() throws Exception {
        Client.Answer unknown = client.json("crm.nothing.here", "{}");
        assertEquals(404, unknown.status());
        assertEquals("ERROR_METHOD_NOT_FOUND", unknown.body().get("error").asText());

        standIn.scopes("crm");
        Client.Answer users = client.json("user.get", "{\"ID\":1}");
        assertEquals(401, users.status());
        assertEquals("insufficient_scope", users.body().get("error").asText());
    }
}

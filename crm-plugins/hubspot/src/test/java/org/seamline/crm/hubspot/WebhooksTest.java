package org.seamline.crm.hubspot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.seamline.api.crm.CrmChange;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmException.Kind;
import org.seamline.api.crm.CrmWebhooks;

/**
 * v3 signatures, computed here independently of the connector and the stand-in: the five-minute window to the
 * millisecond, the public URL behind a proxy, HubSpot's decoded escapes, and what each event becomes.
 */
class WebhooksTest {

    private static final String SECRET = "a7c9e1f3-client-secret";
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final String URL = "https://hooks.example.com/hooks/crm/hubspot/main";
    private static final String BODY = "[{\"eventId\":4001,\"subscriptionId\":2,\"portalId\":62515,\"appId\":7,"
            + "\"occurredAt\":1777629600000,\"subscriptionType\":\"contact.propertyChange\",\"attemptNumber\":0,"
            + "\"objectId\":1234,\"propertyName\":\"lifecyclestage\",\"propertyValue\":\"customer\"}]";

    private static HubSpotConnector connector(String webhookUrl) {
        TestConfiguration config = new TestConfiguration("http://127.0.0.1:1", "pat-na1-token");
        config.webhookClientSecret = SECRET;
        config.webhookUrl = webhookUrl;
        return new HubSpotConnector("main", config.settings(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** HubSpot's recipe: base64(HMAC-SHA256(secret, method + uri + body + timestamp)). */
    private static String sign(String uri, String body, long timestamp) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(("POST" + uri + body + timestamp)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static CrmWebhooks.Request request(String url, String path, String body, long timestamp, String signature) {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("content-type", List.of("application/json"));
        headers.put("x-hubspot-request-timestamp", List.of(String.valueOf(timestamp)));
        headers.put("x-hubspot-signature-v3", List.of(signature));
        return new CrmWebhooks.Request("POST", url, path, headers, "application/json",
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static CrmWebhooks.Request signedAt(long timestamp) throws Exception {
        return request(URL, "", BODY, timestamp, sign(URL, BODY, timestamp));
    }

    @Test
    void aSignedEventReportsTheContactWithHubSpotsEventId() throws Exception {
        List<CrmChange> changes = connector(null).receive(signedAt(NOW.toEpochMilli()));

        assertEquals(List.of(new CrmChange("1234", "4001", Instant.ofEpochMilli(1777629600000L), false)), changes);
    }

    @Test
    void theWindowIsFiveMinutesToTheMillisecond() throws Exception {
        long edge = NOW.toEpochMilli() - 300_000;
        assertEquals(1, connector(null).receive(signedAt(edge)).size());

        CrmException old = assertThrows(CrmException.class, () -> connector(null).receive(signedAt(edge - 1)));
        assertEquals(Kind.AUTH_INVALID, old.kind());

        long ahead = NOW.toEpochMilli() + 300_001;
        assertEquals(Kind.AUTH_INVALID, assertThrows(CrmException.class,
                () -> connector(null).receive(signedAt(ahead))).kind());
    }

    @Test
    void aRedeliveryInsideTheWindowKeepsItsEventIdForThePlatformToDropIt() throws Exception {
        HubSpotConnector connector = connector(null);
        CrmChange first = connector.receive(signedAt(NOW.toEpochMilli() - 60_000)).get(0);
        CrmChange again = connector.receive(signedAt(NOW.toEpochMilli())).get(0);

        assertEquals(first.eventId(), again.eventId());
    }

    @Test
    void aWrongSecretATamperedBodyOrAMissingSignatureAreRefused() throws Exception {
        long ts = NOW.toEpochMilli();
        String tampered = BODY.replace("1234", "1235");
        for (CrmWebhooks.Request bad : List.of(
                request(URL, "", tampered, ts, sign(URL, BODY, ts)),
                request(URL, "", BODY, ts, sign(URL, BODY, ts - 1)),
                request(URL, "", BODY, ts, ""))) {
            assertEquals(Kind.AUTH_INVALID, assertThrows(CrmException.class, () -> connector(null).receive(bad)).kind());
        }
    }

    @Test
    void withoutAClientSecretEveryNotificationIsRefused() throws Exception {
        TestConfiguration config = new TestConfiguration("http://127.0.0.1:1", "pat-na1-token");
        HubSpotConnector connector = new HubSpotConnector("main", config.settings(), Clock.fixed(NOW, ZoneOffset.UTC));

        assertEquals(Kind.AUTH_INVALID, assertThrows(CrmException.class,
                () -> connector.receive(signedAt(NOW.toEpochMilli()))).kind());
    }

    @Test
    void behindAProxyTheConfiguredPublicUrlIsWhatIsVerified() throws Exception {
        String publicUrl = "https://crm-hooks.example.org/seamline/hooks/crm/hubspot/main";
        long ts = NOW.toEpochMilli();
        // The platform sees its own host; HubSpot signed the public one.
        CrmWebhooks.Request seen = request("http://10.0.0.5:8181/hooks/crm/hubspot/main/contacts", "/contacts",
                BODY, ts, sign(publicUrl + "/contacts", BODY, ts));

        assertEquals(1, connector(publicUrl).receive(seen).size());
        assertEquals(Kind.AUTH_INVALID, assertThrows(CrmException.class, () -> connector(null).receive(seen)).kind());
    }

    @Test
    void escapesHubSpotDecodesAreDecodedBeforeVerifying() throws Exception {
        long ts = NOW.toEpochMilli();
        String called = URL + "?portal=62515%3Aeu%2C1";
        CrmWebhooks.Request request = request(called, "", BODY, ts, sign(URL + "?portal=62515:eu,1", BODY, ts));

        assertEquals(1, connector(null).receive(request).size());
    }

    @Test
    void deletionsMergesAndOtherObjectsBecomeTheRightChanges() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        var events = mapper.createArrayNode();
        events.addObject().put("eventId", 1).put("subscriptionType", "contact.deletion").put("objectId", 11)
                .put("occurredAt", 1);
        events.addObject().put("eventId", 2).put("subscriptionType", "company.propertyChange").put("objectId", 12);
        events.addObject().put("eventId", 3).put("subscriptionType", "object.propertyChange")
                .put("objectTypeId", "0-1").put("objectId", 13);
        var merge = events.addObject().put("eventId", 4).put("subscriptionType", "contact.merge").put("objectId", 14);
        merge.putArray("mergedObjectIds").add(14).add(15);
        String body = events.toString();
        long ts = NOW.toEpochMilli();

        List<CrmChange> changes = connector(null).receive(request(URL, "", body, ts, sign(URL, body, ts)));

        assertEquals(List.of("11:true", "13:false", "14:false", "15:true"),
                changes.stream().map(c -> c.contactId() + ":" + c.deleted()).toList());
    }

    @Test
    void aSignedBodyThatIsNotAnArrayIsAValidationError() throws Exception {
        String body = "{\"objectId\":1}";
        long ts = NOW.toEpochMilli();

        CrmException e = assertThrows(CrmException.class,
                () -> connector(null).receive(request(URL, "", body, ts, sign(URL, body, ts))));

        assertEquals(Kind.VALIDATION, e.kind());
    }
}

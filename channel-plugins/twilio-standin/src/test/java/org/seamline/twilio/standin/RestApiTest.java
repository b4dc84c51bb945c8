package org.seamline.twilio.standin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestApiTest {

    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "test-auth-token";
    private static final PhoneNumber FROM = new PhoneNumber("+15005550006");
    private static final PhoneNumber TO = new PhoneNumber("+14155550100");

    private final TwilioStandIn twilio = TwilioStandIn.start(ACCOUNT, TOKEN);
    private final TwilioRestClient sdk = client(ACCOUNT, TOKEN);

    @AfterEach
    void stop() {
        twilio.close();
    }

    private TwilioRestClient client(String username, String password) {
        return new TwilioRestClient.Builder(username, password).accountSid(ACCOUNT)
                .httpClient(new StandInHttpClient(twilio.apiBaseUrl())).build();
    }

    @Test
    void theSdkParsesACreatedMessageCompletely() {
        Instant created = Instant.parse("2023-08-24T05:01:45Z");
        twilio.clock(Clock.fixed(created, ZoneOffset.UTC));

        Message message = Message.creator(TO, FROM, "Your order has shipped").create(sdk);

        assertEquals(Message.Status.QUEUED, message.getStatus());
        assertEquals(Message.Direction.OUTBOUND_API, message.getDirection());
        assertEquals(ZonedDateTime.ofInstant(created, ZoneOffset.UTC), message.getDateCreated().withZoneSameInstant(ZoneOffset.UTC));
        assertNotNull(message.getDateUpdated());
        assertNull(message.getErrorCode());
        assertEquals("1", message.getNumSegments());
        assertEquals("0", message.getNumMedia());
        assertEquals(ACCOUNT, message.getAccountSid());
        assertTrue(message.getSid().matches("SM[0-9a-f]{32}"), message.getSid());
        assertEquals("+14155550100", message.getTo());
        CreatedMessage stored = twilio.messages().get(0);
        assertEquals(message.getSid(), stored.sid());
        assertEquals("Your order has shipped", stored.body());
        assertTrue(stored.authorization().startsWith("Basic "));
    }

    @Test
    void datesAreRfc2822WithTheRightWeekday() throws Exception {
        twilio.clock(Clock.fixed(Instant.parse("2024-02-29T23:59:07Z"), ZoneOffset.UTC));
        Message message = Message.creator(TO, FROM, "leap day").create(sdk);

        JsonNode json = getJson("/2010-04-01/Accounts/" + ACCOUNT + "/Messages/" + message.getSid() + ".json");

        assertEquals("Thu, 29 Feb 2024 23:59:07 +0000", json.get("date_created").asText());
        assertTrue(json.get("num_segments").isTextual());
        assertTrue(json.get("error_code").isNull());
        assertEquals("/2010-04-01/Accounts/" + ACCOUNT + "/Messages/" + message.getSid() + ".json", json.get("uri").asText());
    }

    @Test
    void aFetchShowsTheStatusMovingToDelivered() {
        Message created = Message.creator(TO, FROM, "hello").create(sdk);

        org.awaitility.Awaitility.await().until(
                () -> Message.fetcher(created.getSid()).fetch(sdk).getStatus() == Message.Status.DELIVERED);
        assertNotNull(Message.fetcher(created.getSid()).fetch(sdk).getDateSent());
    }

    @Test
    void mediaUrlsAreKeptAsRepeatedKeys() {
        List<URI> media = List.of(URI.create("https://example.com/a.jpg"), URI.create("https://example.com/b.png"));

        Message message = Message.creator(TO, FROM, media).setBody("two pictures").create(sdk);

        assertTrue(message.getSid().startsWith("MM"));
        assertEquals("2", message.getNumMedia());
        assertEquals(List.of("https://example.com/a.jpg", "https://example.com/b.png"), twilio.messages().get(0).mediaUrls());
    }

    @Test
    void aTemplateNeedsNoBody() {
        Message message = Message.creator(new PhoneNumber("whatsapp:+14155550100"), new PhoneNumber("whatsapp:+15005550006"),
                (String) null).setContentSid("HX0123456789abcdef0123456789abcdef")
                .setContentVariables("{\"1\":\"Ana\"}").create(sdk);

        CreatedMessage stored = twilio.messages().get(0);
        assertEquals(message.getSid(), stored.sid());
        assertNull(stored.body());
        assertEquals("HX0123456789abcdef0123456789abcdef", stored.contentSid());
        assertEquals("{\"1\":\"Ana\"}", stored.contentVariables());
    }

    @ParameterizedTest
    @CsvSource({
        "+15005550006, +15005550001, 21211", "+15005550006, +15005550002, 21612", "+15005550006, +15005550003, 21408",
        "+15005550006, +15005550004, 21610", "+15005550006, +15005550009, 21614", "+15005550001, +14155550100, 21212",
        "+15005550007, +14155550100, 21606", "+15005550008, +14155550100, 21611",
        "whatsapp:+15005550006, whatsapp:+15005550004, 21610"})
    void magicNumbersFailMessagesLikeTwilio(String from, String to, int code) {
        ApiException error = assertThrows(ApiException.class,
                () -> Message.creator(new PhoneNumber(to), new PhoneNumber(from), "hi").create(sdk));

        assertEquals(code, error.getCode());
        assertEquals(400, error.getStatusCode());
        assertEquals("https://www.twilio.com/docs/errors/" + code, error.getMoreInfo());
        assertTrue(twilio.messages().isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"+15005550001, 21217", "+15005550002, 21214", "+15005550003, 21215", "+15005550004, 21216"})
    void magicNumbersFailCallsLikeTwilio(String to, int code) {
        ApiException error = assertThrows(ApiException.class, () -> Call.creator(new PhoneNumber(to), FROM,
                URI.create("http://127.0.0.1:1/voice")).create(sdk));

        assertEquals(code, error.getCode());
        assertEquals(400, error.getStatusCode());
    }

    @Test
    void theSdkParsesACreatedCall() {
        Call call = Call.creator(TO, FROM, URI.create("http://127.0.0.1:1/voice")).create(sdk);

        assertEquals(Call.Status.QUEUED, call.getStatus());
        assertNotNull(call.getDateCreated());
        assertTrue(call.getSid().matches("CA[0-9a-f]{32}"));
        assertEquals("http://127.0.0.1:1/voice", twilio.calls().get(0).url());
        assertEquals(call.getSid(), Call.fetcher(call.getSid()).fetch(sdk).getSid());
    }

    @Test
    void wrongCredentialsAre20003() {
        ApiException wrongToken = assertThrows(ApiException.class,
                () -> Message.creator(TO, FROM, "hi").create(client(ACCOUNT, "wrong")));
        assertEquals(20003, wrongToken.getCode());
        assertEquals(401, wrongToken.getStatusCode());

        ApiException otherAccount = assertThrows(ApiException.class, () -> Message.creator(TO, FROM, "hi")
                .create(client("AC" + "f".repeat(32), TOKEN)));
        assertEquals(20003, otherAccount.getCode());
        assertTrue(twilio.messages().isEmpty());
    }

    @Test
    void anApiKeyIsAcceptedOnlyWithItsSecret() {
        String key = "SK" + "1".repeat(32);
        twilio.addApiKey(key, "key-secret");

        Message.creator(TO, FROM, "via key").create(client(key, "key-secret"));
        ApiException wrong = assertThrows(ApiException.class,
                () -> Message.creator(TO, FROM, "via key").create(client(key, TOKEN)));

        assertEquals(20003, wrong.getCode());
        assertEquals(1, twilio.messages().size());
    }

    @Test
    void aPlanned429IsNotRetriedByTheSdkAndStoresNothing() throws Exception {
        twilio.failNextCreates(1, 429, 20429, "Too Many Requests", 7);

        ApiException error = assertThrows(ApiException.class, () -> Message.creator(TO, FROM, "hi").create(sdk));

        assertEquals(429, error.getStatusCode());
        assertEquals(20429, error.getCode());
        assertTrue(twilio.messages().isEmpty());
        twilio.failNextCreates(1, 429, 20429, "Too Many Requests", 7);
        HttpResponse<String> raw = postForm("/Messages.json", "To=%2B14155550100&From=%2B15005550006&Body=hi");
        assertEquals(Optional.of("7"), raw.headers().firstValue("Retry-After"));
        Message.creator(TO, FROM, "hi").create(sdk);
        assertEquals(1, twilio.messages().size());
    }

    @Test
    void aPlanned503IsRetriedByTheSdkAndSentOnce() {
        twilio.failNextCreates(1, 503, 20503, "Service Unavailable", null);

        Message message = Message.creator(TO, FROM, "hi").create(sdk);

        assertEquals(List.of(message.getSid()), twilio.messages().stream().map(CreatedMessage::sid).toList());
    }

    @Test
    void acceptThenFailShowsTheDuplicateSendOfSdkRetries() {
        twilio.acceptThenFailNextCreates(1, 500);

        Message.creator(TO, FROM, "only once, please").create(sdk);

        assertEquals(2, twilio.messages().size(), "the SDK's retry after an accepted 500 sends the text twice");
    }

    @Test
    void aCreateRepeatingAnIdempotencyTokenSendsNothingNew() throws Exception {
        String form = "To=%2B14155550100&From=%2B15005550006&Body=once";
        HttpResponse<String> first = postForm("/Messages.json", form, "outbox-key-1");
        HttpResponse<String> again = postForm("/Messages.json", form, "outbox-key-1");
        postForm("/Messages.json", form, "outbox-key-2");

        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(first.body()).get("sid"), json.readTree(again.body()).get("sid"));
        assertEquals(2, twilio.messages().size(), "the repeat created nothing; another token did");
    }

    @Test
    void missingFieldsAndLongBodiesAreRefusedLikeTwilio() throws Exception {
        assertError(21604, postForm("/Messages.json", "From=%2B15005550006&Body=hi"));
        assertError(21602, postForm("/Messages.json", "To=%2B14155550100&From=%2B15005550006"));
        assertError(21617, postForm("/Messages.json", "To=%2B14155550100&From=%2B15005550006&Body=" + "a".repeat(1601)));
        assertEquals(201, postForm("/Messages.json", "Body=" + "é".repeat(1600) + "&From=%2B15005550006&To=%2B14155550100")
                .statusCode());
        assertEquals("é".repeat(1600), twilio.messages().get(0).body());
    }

    @Test
    void hostedMediaNeedsTheAccountCredentials() throws Exception {
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0x00, 0x11};
        String url = twilio.hostMedia(jpeg, "image/jpeg");
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<byte[]> anonymous = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> authorized = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", basic(ACCOUNT, TOKEN)).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(401, anonymous.statusCode());
        assertEquals(200, authorized.statusCode());
        assertEquals(Optional.of("image/jpeg"), authorized.headers().firstValue("Content-Type"));
        assertArrayEquals(jpeg, authorized.body());
    }

    private static void assertError(int code, HttpResponse<String> response) throws Exception {
        JsonNode error = new ObjectMapper().readTree(response.body());
        assertEquals(400, response.statusCode());
        assertEquals(code, error.get("code").asInt());
        assertEquals(400, error.get("status").asInt());
        assertTrue(error.get("message").isTextual());
        assertTrue(error.get("more_info").asText().endsWith("/" + code));
    }

    private HttpResponse<String> postForm(String resource, String form) throws Exception {
        return postForm(resource, form, null);
    }

    private HttpResponse<String> postForm(String resource, String form, String idempotencyToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(twilio.apiBaseUrl() + "/2010-04-01/Accounts/" + ACCOUNT + resource));
        if (idempotencyToken != null) {
            request.header("I-Twilio-Idempotency-Token", idempotencyToken);
        }
        return HttpClient.newHttpClient().send(request
                .header("Authorization", basic(ACCOUNT, TOKEN))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(twilio.apiBaseUrl() + path)).header("Authorization", basic(ACCOUNT, TOKEN)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return new ObjectMapper().readTree(response.body());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}

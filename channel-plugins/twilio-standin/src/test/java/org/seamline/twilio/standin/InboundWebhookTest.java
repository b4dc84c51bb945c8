package org.seamline.twilio.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InboundWebhookTest {

    private static final String TOKEN = RestApiTest.TOKEN;

    private final TwilioStandIn twilio = TwilioStandIn.start(RestApiTest.ACCOUNT, TOKEN);
    private final WebhookReceiver receiver = new WebhookReceiver();

    InboundWebhookTest() throws IOException {
    }

    @AfterEach
    void stop() {
        twilio.close();
        receiver.close();
    }

    @Test
    void anInboundSmsCarriesTwiliosParametersSigned() {
        String picture = twilio.hostMedia(new byte[] {1, 2, 3}, "image/png");

        Delivery delivery = twilio.inboundSms(receiver.url("/hooks/twilio/shop/sms?x=1"), "+14155550100",
                "+14155550199", "Hello 👋 & welcome", picture);

        assertTrue(delivery.accepted(), String.valueOf(delivery));
        WebhookReceiver.Received request = receiver.received().get(0);
        assertTrue(request.validFor(TOKEN));
        assertTrue(request.param("MessageSid").matches("MM[0-9a-f]{32}"));
        assertEquals(request.param("MessageSid"), request.param("SmsSid"));
        assertEquals(request.param("MessageSid"), request.param("SmsMessageSid"));
        assertEquals("Hello 👋 & welcome", request.param("Body"));
        assertEquals("1", request.param("NumMedia"));
        assertEquals(picture, request.param("MediaUrl0"));
        assertEquals("image/png", request.param("MediaContentType0"));
        assertEquals("received", request.param("SmsStatus"));
        assertEquals("", request.param("FromCountry"));
        assertEquals("application/x-www-form-urlencoded", request.contentType());
        assertEquals("TwilioProxy/1.1", request.userAgent());
        assertEquals(delivery.idempotencyToken(), request.idempotencyToken());
        assertEquals(1, delivery.attempts());
    }

    @Test
    void anInboundWhatsAppCarriesItsExtraParameters() {
        twilio.inboundWhatsApp(receiver.url("/wa"), "+5511987654321", "+14155550199", "Yes, confirm",
                Map.of("MessageType", "interactive", "ButtonPayload", "confirm_123", "ProfileName", "Ana"));

        WebhookReceiver.Received request = receiver.received().get(0);
        assertTrue(request.validFor(TOKEN));
        assertEquals("whatsapp:+5511987654321", request.param("From"));
        assertEquals("whatsapp:+14155550199", request.param("To"));
        assertEquals("5511987654321", request.param("WaId"));
        assertEquals("interactive", request.param("MessageType"));
        assertEquals("confirm_123", request.param("ButtonPayload"));
        assertEquals("Ana", request.param("ProfileName"));
        assertNull(request.param("FromCountry"));
    }

    @Test
    void signingCanBeWrongOrMissing() {
        twilio.post(receiver.url("/a"), Map.of("Body", "x"), Signing.INVALID);
        twilio.post(receiver.url("/b"), Map.of("Body", "x"), Signing.NONE);

        assertFalse(receiver.received("/a").get(0).validFor(TOKEN));
        assertNull(receiver.received("/b").get(0).signature());
    }

    @Test
    void answersAreCheckedLikeTwilioChecksTwiml() {
        receiver.on("/ok", any -> WebhookReceiver.Answer.twiml("<?xml version=\"1.0\"?><Response><Message>Hi</Message></Response>"))
                .on("/plain", any -> new WebhookReceiver.Answer(200, "text/plain", "thanks"))
                .on("/root", any -> WebhookReceiver.Answer.twiml("<Reply/>"))
                .on("/broken", any -> WebhookReceiver.Answer.twiml("<Response>"))
                .on("/doctype", any -> WebhookReceiver.Answer.twiml(
                        "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Response>&x;</Response>"))
                .on("/huge", any -> WebhookReceiver.Answer.twiml("<Response><Message>" + "a".repeat(70_000) + "</Message></Response>"))
                .on("/forbidden", any -> new WebhookReceiver.Answer(403, "text/plain", "bad signature"));

        assertNull(post("/ok").twimlError());
        assertTrue(post("/plain").twimlError().startsWith("12300"));
        assertTrue(post("/root").twimlError().startsWith("12102"));
        assertTrue(post("/broken").twimlError().startsWith("12100"));
        assertTrue(post("/doctype").twimlError().startsWith("12100"));
        assertTrue(post("/huge").twimlError().startsWith("11750"));
        Delivery forbidden = post("/forbidden");
        assertEquals(403, forbidden.status());
        assertTrue(forbidden.twimlError().startsWith("11200"));
        assertFalse(forbidden.accepted());
    }

    private Delivery post(String path) {
        return twilio.post(receiver.url(path), Map.of("Body", "x"), Signing.VALID);
    }

    @Test
    void aDroppedConnectionIsRetriedOnceWithTheSameToken() throws Exception {
        List<String> tokens = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> dropFirstThenAnswer(server, tokens));
            peer.start();

            Delivery delivery = twilio.post("http://127.0.0.1:" + server.getLocalPort() + "/sms",
                    Map.of("Body", "retry me"), Signing.VALID);

            peer.join(10_000);
            assertEquals(200, delivery.status());
            assertNull(delivery.twimlError());
            assertEquals(2, delivery.attempts());
            assertEquals(List.of(delivery.idempotencyToken(), delivery.idempotencyToken()), tokens);
        }
    }

    @Test
    void aRefusedConnectionIsTriedTwiceThenReported() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }

        Delivery delivery = twilio.post("http://127.0.0.1:" + closedPort + "/sms", Map.of("Body", "x"), Signing.VALID);

        assertEquals(0, delivery.status());
        assertEquals(2, delivery.attempts());
        assertTrue(delivery.twimlError().startsWith("11205"));
    }

    /** Reads each request's head; resets the first connection without answering and answers the second. */
    private static void dropFirstThenAnswer(ServerSocket server, List<String> tokens) {
        for (int connection = 1; connection <= 2; connection++) {
            try (Socket socket = server.accept()) {
                BufferedReader head = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                for (String line = head.readLine(); line != null && !line.isEmpty(); line = head.readLine()) {
                    if (line.toLowerCase().startsWith("i-twilio-idempotency-token:")) {
                        tokens.add(line.substring(line.indexOf(':') + 1).trim());
                    }
                }
                if (connection == 1) {
                    socket.setSoLinger(true, 0);
                    continue;
                }
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 11\r\nConnection: close\r\n\r\n"
                        + "<Response/>").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

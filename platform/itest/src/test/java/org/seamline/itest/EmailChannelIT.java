package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The email channel in the running platform, against a real IMAP/SMTP server (GreenMail) on loopback, with IMAP IDLE
 * and the timer both polling.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailChannelIT {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    MailServer mail;
    SeamlineProcess seamline;

    @BeforeAll
    void start() throws Exception {
        mail = new MailServer();
        seamline = SeamlineProcess.start(dir, environment());
        mail.configure(seamline);
    }

    @AfterAll
    void stop() throws Exception {
        seamline.close();
        mail.close();
    }

    /** The platform's environment: the embedded store; {@link EmailChannelPostgresIT} adds a PostgreSQL database. */
    Map<String, String> environment() throws Exception {
        return Map.of(MailServer.PASSWORD_VARIABLE, MailServer.PASSWORD);
    }

    private List<String> texts(String conversation) {
        List<String> texts = new ArrayList<>();
        seamline.getJson("/api/v1/conversations/" + conversation + "/messages").get("items")
                .forEach(e -> texts.add(e.get("kind").asText() + ":" + e.path("text").asText()));
        return texts;
    }

    @Test
    void aMailBecomesAConversationTheReplyThreadsAndTheAnswerWithoutInReplyToContinuesIt() throws Exception {
        mail.deliver("From: Anna Petrova <anna@example.org>\nTo: " + MailServer.MAILBOX + "\nSubject: Order 4711\nMessage-ID: <c1@example.org>\n"
                + "Content-Type: text/plain; charset=UTF-8\n\nWhere is my order?\n\nSent from my iPhone");

        await().atMost(WITHIN).until(() -> seamline.getJson("/api/v1/customers?identifier=email:ANNA@example.org").get("items").size() == 1);
        JsonNode anna = seamline.getJson("/api/v1/customers?identifier=email:anna@example.org").at("/items/0");
        assertEquals("Anna Petrova", anna.get("displayName").asText());
        await().atMost(WITHIN).until(() -> seamline.getJson("/api/v1/conversations?customerId=" + anna.get("id").asText())
                .get("items").size() == 1);
        String conversation = seamline.getJson("/api/v1/conversations?customerId=" + anna.get("id").asText()).at("/items/0/id").asText();
        assertEquals(List.of("message:Where is my order?"), texts(conversation));

        HttpResponse<String> queued = seamline.asAdmin("POST", "/api/v1/conversations/" + conversation + "/messages",
                "{\"text\":\"It ships today.\"}");
        assertEquals(202, queued.statusCode(), queued.body());
        await().atMost(WITHIN).until(() -> mail.sentTo("anna@example.org").size() == 1);
        MimeMessage reply = mail.sentTo("anna@example.org").get(0);
        assertEquals("<c1@example.org>", reply.getHeader("In-Reply-To", null), "threaded under the customer's mail");
        assertEquals("Re: Order 4711 [ref:" + conversation.replace("-", "") + "]", reply.getSubject());
        await().atMost(WITHIN).until(() -> texts(conversation).stream().anyMatch(t -> t.startsWith("status:SENT")));

        // The customer's client keeps neither In-Reply-To nor References; it answers to our Reply-To.
        mail.deliver("From: anna@example.org\nTo: " + reply.getReplyTo()[0] + "\nSubject: Order 4711\nMessage-ID: <c2@example.org>\n"
                + "Content-Type: text/plain; charset=UTF-8\n\nThanks, and the invoice?");
        await().atMost(WITHIN).until(() -> texts(conversation).contains("message:Thanks, and the invoice?"));

        // An agent sends a file with the next reply.
        HttpResponse<String> uploaded = seamline.uploadAsAdmin("/api/v1/attachments?name=" + java.net.URLEncoder.encode(
                "Rechnung 4711.pdf", StandardCharsets.UTF_8), "%PDF-1.4 invoice".getBytes(StandardCharsets.UTF_8), "application/pdf");
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        String file = seamline.readJson(uploaded.body()).get("id").asText();
        HttpResponse<String> withFile = seamline.asAdmin("POST", "/api/v1/conversations/" + conversation + "/messages",
                "{\"text\":\"Your invoice.\",\"attachments\":[\"" + file + "\"]}");
        assertEquals(202, withFile.statusCode(), withFile.body());
        await().atMost(WITHIN).until(() -> mail.sentTo("anna@example.org").size() == 2);
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) mail.sentTo("anna@example.org").get(1).getContent();
        assertEquals("Rechnung 4711.pdf", parts.getBodyPart(1).getFileName());
        assertEquals("%PDF-1.4 invoice", new String(parts.getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(422, seamline.asAdmin("POST", "/api/v1/conversations/" + conversation + "/messages",
                "{\"text\":\"x\",\"attachments\":[\"no-such-file\"]}").statusCode(), "an unknown file is refused");

        // A new mail to the plain address, keeping our subject.
        mail.deliver("From: anna@example.org\nTo: " + MailServer.MAILBOX + "\nSubject: " + reply.getSubject()
                + "\nMessage-ID: <c3@example.org>\nContent-Type: text/plain; charset=UTF-8\n\nStill waiting.");
        await().atMost(WITHIN).until(() -> texts(conversation).contains("message:Still waiting."));
    }

    /** Base64 encoded words of UTF-8 cut at byte offsets, mid-character, as Mail.ru cuts long subjects. */
    private static String cutEncodedWords(String text, int... cuts) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<String> words = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            words.add("=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, from, cut)) + "?=");
            from = cut;
        }
        words.add("=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, from, bytes.length)) + "?=");
        return String.join("\n ", words);
    }

    @Test
    void cyrillicNamesAndSubjectsReadAsWrittenAndAnEmptySenderBounceMarksTheReplyUndelivered() throws Exception {
        // A raw UTF-8 name (RFC 6532) and a subject cut mid-character across encoded words.
        mail.deliver("From: Светлана Петрова <svetlana@example.ru>\nTo: " + MailServer.MAILBOX + "\nSubject: "
                + cutEncodedWords("Заказ 4711: статус «доставлено»", 9, 35) + "\nMessage-ID: <s1@example.ru>\n"
                + "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\nГде мой заказ?");

        await().atMost(WITHIN).until(() -> seamline.getJson("/api/v1/customers?identifier=email:svetlana@example.ru").get("items").size() == 1);
        JsonNode svetlana = seamline.getJson("/api/v1/customers?identifier=email:svetlana@example.ru").at("/items/0");
        assertEquals("Светлана Петрова", svetlana.get("displayName").asText());
        await().atMost(WITHIN).until(() -> seamline.getJson("/api/v1/conversations?customerId=" + svetlana.get("id").asText())
                .get("items").size() == 1);
        String conversation = seamline.getJson("/api/v1/conversations?customerId=" + svetlana.get("id").asText()).at("/items/0/id").asText();
        assertEquals(List.of("message:Где мой заказ?"), texts(conversation));

        assertEquals(202, seamline.asAdmin("POST", "/api/v1/conversations/" + conversation + "/messages",
                "{\"text\":\"Отправлен сегодня.\"}").statusCode());
        await().atMost(WITHIN).until(() -> mail.sentTo("svetlana@example.ru").size() == 1);
        MimeMessage reply = mail.sentTo("svetlana@example.ru").get(0);
        assertEquals("Re: Заказ 4711: статус «доставлено» [ref:" + conversation.replace("-", "") + "]", reply.getSubject());
        await().atMost(WITHIN).until(() -> texts(conversation).stream().anyMatch(t -> t.startsWith("status:SENT")));

        // The recipient's server bounces it from the empty address, in plain words.
        mail.deliver("From: Postmaster <>\nTo: " + MailServer.MAILBOX + "\nSubject: failure notice\nMessage-ID: <pm1@mx.example.ru>\n\n"
                + "<svetlana@example.ru>:\n550 5.1.1 mailbox unavailable\n\n--- Below this line is a copy of the message.\n\n"
                + "Message-ID: " + reply.getMessageID() + "\nSubject: Re: Order\n");
        await().atMost(WITHIN).until(() -> texts(conversation).stream().anyMatch(t -> t.startsWith("status:UNDELIVERED")));
    }

    @Test
    void aMailFromAnAddressNoCustomerCanHaveIsSetAsideWithItsReason() {
        mail.deliver("From: carl@localhost\nTo: " + MailServer.MAILBOX + "\nSubject: Hi\nMessage-ID: <nobody-1@localhost>\n\nHello?");

        await().atMost(WITHIN).until(() -> seamline.getJson("/api/v1/plugins").toString()
                .contains("<nobody-1@localhost>: the sender has no usable identifier: email is not valid"));
        // Moved to the failed folder, not fetched again and again.
        await().atMost(WITHIN).until(() -> mail.inboxCount() == 0);
        assertEquals(0, seamline.getJson("/api/v1/interactions?channel=email&limit=500").get("items").findValues("providerMessageId")
                .stream().filter(id -> id.asText().contains("nobody-1")).count());
    }

    @Test
    void anOutOfOfficeReplyNeitherReopensNorGetsAnAnswer() throws Exception {
        mail.deliver("From: bob@example.org\nTo: " + MailServer.MAILBOX + "\nSubject: Question\nMessage-ID: <b1@example.org>\n\nHello?");
        await().atMost(WITHIN).until(() -> seamline.getJson("/api/v1/customers?identifier=email:bob@example.org").get("items").size() == 1);
        String bob = seamline.getJson("/api/v1/customers?identifier=email:bob@example.org").at("/items/0/id").asText();
        await().atMost(WITHIN).until(() -> seamline.getJson("/api/v1/conversations?customerId=" + bob).get("items").size() == 1);
        String conversation = seamline.getJson("/api/v1/conversations?customerId=" + bob).at("/items/0/id").asText();
        assertEquals(200, seamline.asAdmin("PATCH", "/api/v1/conversations/" + conversation, "{\"status\":\"resolved\"}").statusCode());

        mail.deliver("From: bob@example.org\nTo: " + MailServer.MAILBOX + "\nSubject: Automatic reply: Question\nMessage-ID: <b2@example.org>\n"
                + "Auto-Submitted: auto-replied\nIn-Reply-To: <b1@example.org>\n\nI am out of the office.");
        await().atMost(WITHIN).until(() -> texts(conversation).contains("message:I am out of the office."));

        assertEquals("RESOLVED", seamline.getJson("/api/v1/conversations/" + conversation).get("status").asText());
        assertTrue(mail.sentTo("bob@example.org").isEmpty(), "no automatic answer went out");
        assertFalse(seamline.log().contains(MailServer.PASSWORD), "the password is never logged");
    }

    @Test
    void anAttachmentIsStoredWithTheMessageAndDownloadedUnderItsSafeName() throws Exception {
        mail.deliver("From: carla@example.org\nTo: " + MailServer.MAILBOX + "\nSubject: Photo\nMessage-ID: <p1@example.org>\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B\"\n\n"
                + "--B\nContent-Type: text/plain\n\nThe parcel arrived broken.\n"
                + "--B\nContent-Type: image/jpeg\nContent-Disposition: attachment; filename=\"../../parcel.jpg\"\n"
                + "Content-Transfer-Encoding: base64\n\n/9j/4AAQSkZJRg==\n--B--\n");
        await().atMost(WITHIN).until(() -> seamline.getJson("/api/v1/interactions?channel=email&limit=100").get("items")
                .findValues("providerMessageId").stream().anyMatch(id -> id.asText().equals("<p1@example.org>")));
        JsonNode attachment = null;
        for (JsonNode item : seamline.getJson("/api/v1/interactions?channel=email&limit=100").get("items")) {
            if (item.get("providerMessageId").asText().equals("<p1@example.org>")) {
                attachment = item.at("/attachments/0");
            }
        }
        assertEquals("parcel.jpg", attachment.get("name").asText());
        String url = attachment.get("url").asText();
        assertTrue(url.startsWith("seamline:attachment:"), url);
        HttpResponse<String> download = seamline.get("/api/v1/attachments/" + url.substring("seamline:attachment:".length()), true);
        assertEquals(200, download.statusCode());
        assertEquals("image/jpeg", download.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("attachment; filename=\"parcel.jpg\"", download.headers().firstValue("Content-Disposition").orElseThrow());
        assertEquals(401, seamline.get("/api/v1/attachments/" + url.substring("seamline:attachment:".length()), false).statusCode());
    }
}

package org.seamline.channel.email;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seamline.api.channel.SendException;
import org.seamline.api.channel.SendResult;
import org.seamline.api.ingress.AttachmentStore;
import org.seamline.api.message.Attachment;
import org.seamline.api.message.DeliveryStatus;
import org.seamline.api.message.DeliveryUpdate;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.MessageMetadata;
import org.seamline.api.message.OutboundMessage;
import org.seamline.api.message.Party;

/** A real IMAP and SMTP server (GreenMail) on loopback: polling, moving, threading, loop safety, sending. */
class MailboxTest {

    private static final String CONVERSATION = "0b6f3c2e-5d1a-4e8f-9a7b-1c2d3e4f5a6b";

    private GreenMailbox mailbox;
    private GreenMail greenMail;
    private MailboxSettings settings;
    private StoringIngress ingress;
    private RecordingReports reports;
    private KeptAttachments files;
    private MailboxPoller poller;

    @BeforeEach
    void start() {
        mailbox = new GreenMailbox();
        greenMail = mailbox.greenMail;
        settings = mailbox.settings();
        ingress = new StoringIngress();
        reports = new RecordingReports();
        files = new KeptAttachments();
        poller = new MailboxPoller("support", ingress, reports, files);
    }

    @AfterEach
    void stop() {
        mailbox.close();
    }

    /** Puts raw RFC 822 text into the support mailbox, as a delivery would. */
    private void deliver(String raw) throws Exception {
        mailbox.deliver(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private int count(String folder) throws Exception {
        return mailbox.count(folder);
    }

    private static String mail(String headers, String body) {
        return "From: Anna Petrova <Anna@Example.org>\nTo: support@example.com\nSubject: Order 4711\n"
                + "Message-ID: <m1@example.org>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n" + headers + "\n" + body;
    }

    @Test
    void aMailIsStoredOnceThenMovedToProcessed() throws Exception {
        deliver(mail("", "Where is my order?\n\n-- \nAnna"));

        assertEquals(1, poller.poll(settings));

        InboundMessage stored = ingress.stored.get(0);
        assertEquals("email", stored.channel());
        assertEquals("<m1@example.org>", stored.providerMessageId());
        assertEquals(new Party("Anna Petrova", List.of(new Identifier("email", "Anna@Example.org"))), stored.from());
        assertEquals("Where is my order?", stored.text(), "the signature is cut off");
        assertEquals("Order 4711", stored.metadata().get(MessageMetadata.SUBJECT));
        assertEquals(0, count("INBOX"));
        assertEquals(1, count("Processed"));
        assertEquals(0, poller.poll(settings), "nothing is left to read");
    }

    @Test
    void processedMailIsMovedInOneCommandSoItIsNeverInBothFolders() throws Exception {
        deliver(mail("", "Where is my order?"));
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", greenMail.getImap().getPort(), "support@example.com", "mailbox-secret");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Folder processed = store.getFolder("Processed");
            processed.create(Folder.HOLDS_MESSAGES);

            MailboxPoller.move(inbox, List.of(inbox.getMessages()), processed);

            // Seen from another session before any expunge: a copy and a delete would leave it in both.
            assertEquals(0, count("INBOX"));
            assertEquals(1, count("Processed"));
            inbox.close(false);
        }
    }

    @Test
    void aSecondDeliveryIsARepeatButAnotherMailReusingTheMessageIdIsNot() throws Exception {
        deliver(mail("", "Where is my order?"));
        deliver("Received: from relay2.example.org by mx.example.com; Mon, 23 Nov 2026 10:00:05 +0000\n"
                + mail("", "Where is my order?")); // the sender's server delivered it twice
        deliver(mail("", "A different question, same Message-ID from a broken mailer"));

        assertEquals(3, poller.poll(settings));

        assertEquals(List.of("Where is my order?", "A different question, same Message-ID from a broken mailer"),
                ingress.stored.stream().map(InboundMessage::text).toList());
    }

    @Test
    void aMailStoredBeforeACrashIsMovedButNotStoredAgain() throws Exception {
        deliver(mail("", "Where is my order?"));
        // The platform committed the mail, then the process died before the move: the mail is still in the inbox.
        EmailReader reader = new EmailReader("support", settings, files);
        ingress.accept(reader.read(reader.fetch(inboxMail())));

        assertEquals(1, poller.poll(settings));
        assertEquals(1, ingress.stored.size(), "no second copy");
        assertEquals(1, count("Processed"));
    }

    @Test
    void whileThePlatformCannotStoreTheMailStaysInTheInbox() throws Exception {
        deliver(mail("", "Hello"));
        ingress.unavailable = true;
        assertEquals(0, poller.poll(settings));
        assertEquals(1, count("INBOX"));
        ingress.unavailable = false;
        assertEquals(1, poller.poll(settings));
        assertEquals(1, ingress.stored.size());
    }

    @Test
    void malformedMailAndAMimeBombAreSetAsideAndPollingGoesOn() throws Exception {
        deliver("From: not an address at all\nSubject: broken\nMessage-ID: <bad@x>\n\nbody");
        StringBuilder bomb = new StringBuilder("From: bomb@example.org\nMessage-ID: <bomb@x>\nMIME-Version: 1.0\n");
        for (int depth = 0; depth < 15; depth++) {
            bomb.append("Content-Type: multipart/mixed; boundary=b").append(depth).append("\n\n--b").append(depth).append('\n');
        }
        bomb.append("Content-Type: text/plain\n\nboom\n");
        deliver(bomb.toString());
        deliver(mail("", "A real question"));

        assertEquals(3, poller.poll(settings));

        assertEquals(1, ingress.stored.size());
        assertEquals("A real question", ingress.stored.get(0).text());
        assertEquals(2, count("Failed"));
        assertEquals(0, count("INBOX"));
        assertTrue(poller.health().detail().contains("failed: 2 (latest <bomb@x>: mail nests more than 10 levels"),
                "the admin sees which mail went aside and why: " + poller.health().detail());
    }

    /** Mail as broken senders and hostile ones write it: each is stored as far as it is readable, or set aside. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            content type without a value       | Content-Type: multipart/report; report-type\\n\\nbody
            multipart without a boundary        | Content-Type: multipart/mixed\\n\\n--x\\nContent-Type: text/plain\\n\\nhi\\n--x--
            boundary that never appears         | Content-Type: multipart/mixed; boundary=nowhere\\n\\njust text
            multipart cut off mid-part          | Content-Type: multipart/mixed; boundary=b\\n\\n--b\\nContent-Type: text/plain\\n\\ncut
            unknown charset                     | Content-Type: text/plain; charset=x-no-such-charset\\n\\nbody
            broken base64                       | Content-Type: text/plain\\nContent-Transfer-Encoding: base64\\n\\n!!!not*base64###
            unknown transfer encoding           | Content-Type: text/plain\\nContent-Transfer-Encoding: x-weird\\n\\nbody
            broken quoted-printable             | Content-Type: text/plain\\nContent-Transfer-Encoding: quoted-printable\\n\\n=ZZ=\\n=4
            broken encoded-word subject         | Subject: =?utf-8?B?####?= =?x-unknown?Q?abc?=\\nContent-Type: text/plain\\n\\nbody
            garbage date                        | Date: the day after tomorrow\\nContent-Type: text/plain\\n\\nbody
            header line without a colon         | this is not a header\\nContent-Type: text/plain\\n\\nbody
            attachment named with a path        | Content-Type: multipart/mixed; boundary=b\\n\\n--b\\nContent-Type: text/plain\\n\\nsee file\\n--b\\nContent-Type: application/octet-stream\\nContent-Disposition: attachment; filename="../../etc/passwd"\\n\\nroot\\n--b--
            message/rfc822 that is not a mail   | Content-Type: multipart/mixed; boundary=b\\n\\n--b\\nContent-Type: message/rfc822\\n\\n\\u0000\\u0001binary\\n--b--
            """)
    void malformedMimeNeverStopsThePoll(String name, String rest) throws Exception {
        deliver("From: odd@example.org\nTo: support@example.com\nMessage-ID: <odd@example.org>\nMIME-Version: 1.0\n"
                + rest.replace("\\n", "\n").replace("\\u0000", "\u0000").replace("\\u0001", "\u0001"));
        deliver(mail("", "A real question"));

        assertEquals(2, poller.poll(settings), "both mails left the inbox");

        assertEquals(0, count("INBOX"));
        assertTrue(ingress.stored.stream().anyMatch(m -> "A real question".equals(m.text())), "the next mail is read");
        assertEquals(2, ingress.stored.size() + count("Failed"), "the odd mail is stored or set aside, once");
    }

    @Test
    void attachmentsAreStoredAndLinkedAndOversizedOnesAreLeftOutByName() throws Exception {
        deliver("From: anna@example.org\nTo: support@example.com\nSubject: Invoice\nMessage-ID: <att@example.org>\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B\"\n\n"
                + "--B\nContent-Type: text/plain; charset=UTF-8\n\nSee attached.\n"
                + "--B\nContent-Type: application/pdf; name=\"invoice.pdf\"\nContent-Disposition: attachment; filename=\"invoice.pdf\"\n"
                + "Content-Transfer-Encoding: base64\n\nJVBERi0xLjcgaW52b2ljZQ==\n"
                + "--B\nContent-Type: image/png\nContent-Disposition: attachment; filename=\"huge.png\"\n"
                + "Content-Transfer-Encoding: base64\n\n" + java.util.Base64.getMimeEncoder().encodeToString(new byte[2000]) + "\n"
                + "--B--\n");

        poller.poll(settings);

        InboundMessage stored = ingress.stored.get(0);
        assertEquals("See attached.", stored.text());
        assertEquals(1, stored.attachments().size());
        assertEquals("invoice.pdf", stored.attachments().get(0).name());
        assertEquals("application/pdf", files.kept.get(0).contentType());
        assertEquals("%PDF-1.7 invoice", new String(files.kept.get(0).content(), StandardCharsets.US_ASCII));
        assertTrue(stored.metadata().get("attachmentsLeftOut").startsWith("huge.png (larger than 1000 bytes)"));
    }

    @Test
    void anOutOfOfficeReplyIsMarkedAutomatic() throws Exception {
        deliver(mail("Auto-Submitted: auto-replied\n", "I am out of the office until Monday."));
        deliver(mail("Precedence: bulk\nList-Id: <news.example.org>\n", "Newsletter").replace("<m1@", "<m2@"));
        deliver(mail("", "I am a person").replace("<m1@", "<m3@"));
        poller.poll(settings);

        assertEquals("true", ingress.stored.get(0).metadata().get(MessageMetadata.AUTOMATIC));
        assertEquals("true", ingress.stored.get(1).metadata().get(MessageMetadata.AUTOMATIC));
        assertNull(ingress.stored.get(2).metadata().get(MessageMetadata.AUTOMATIC));
    }

    @Test
    void aReplyToOurMailNamesItsConversationWithOrWithoutInReplyTo() throws Exception {
        String ours = ConversationTokens.messageId(CONVERSATION, "out-0", "example.com");
        deliver(mail("In-Reply-To: " + ours + "\nReferences: <m0@example.org> " + ours + "\n",
                "Thanks!\n\nOn Mon, 20 Nov 2026 at 10:00, Support <support@example.com> wrote:\n> It ships today."));
        // A client that keeps no In-Reply-To / References, answering to our plus-addressed Reply-To.
        deliver(mail("", "One more thing").replace("To: support@example.com", "To: support+c." + CONVERSATION + "@example.com")
                .replace("<m1@", "<m2@"));
        // A new mail to the plain address that keeps our subject.
        deliver(mail("", "And another").replace("Subject: Order 4711", "Subject: Re: Order 4711 "
                + ConversationTokens.subjectToken(CONVERSATION).toUpperCase()).replace("<m1@", "<m3@"));
        // A client answering the customer's own earlier mail: no token, but the platform knows that Message-ID.
        deliver(mail("In-Reply-To: <m0@example.org>\n", "Forgot to say").replace("<m1@", "<m4@"));
        poller.poll(settings);

        assertEquals(CONVERSATION, ingress.stored.get(0).metadata().get(MessageMetadata.CONVERSATION));
        assertEquals("Thanks!", ingress.stored.get(0).text(), "the quoted mail is cut off");
        assertTrue(ingress.stored.get(0).metadata().get("fullText").contains("It ships today."), "the full text is kept");
        assertEquals("<m0@example.org>", ingress.stored.get(0).metadata().get(MessageMetadata.THREAD));
        assertEquals(ours + " <m0@example.org>", ingress.stored.get(0).metadata().get(MessageMetadata.REFERENCES),
                "nearest first, each once");
        assertEquals(CONVERSATION, ingress.stored.get(1).metadata().get(MessageMetadata.CONVERSATION));
        assertEquals(CONVERSATION, ingress.stored.get(2).metadata().get(MessageMetadata.CONVERSATION), "the subject token");
        assertNull(ingress.stored.get(3).metadata().get(MessageMetadata.CONVERSATION));
        assertEquals("<m0@example.org>", ingress.stored.get(3).metadata().get(MessageMetadata.REFERENCES),
                "the platform looks the answered Message-ID up");
    }

    @Test
    void aSendersFloodIsStoredButMarkedAutomaticUntilTheHourHasPassed() throws Exception {
        Instant[] now = {Instant.parse("2026-11-22T10:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        MailboxPoller counting = new MailboxPoller("support", ingress, reports, files, clock);
        for (int i = 0; i < 5; i++) {
            deliver(mail("", "Mail " + i).replace("<m1@", "<flood-" + i + "@"));
        }
        assertEquals(5, counting.poll(settings));
        now[0] = now[0].plus(Duration.ofMinutes(61));
        deliver(mail("", "An hour later").replace("<m1@", "<later@"));
        counting.poll(settings);

        assertEquals(List.of("false", "false", "false", "true", "true", "false"), ingress.stored.stream()
                .map(m -> String.valueOf(Boolean.parseBoolean(m.metadata().get(MessageMetadata.AUTOMATIC)))).toList(),
                "all stored; beyond 3 an hour marked, and counted afresh after the hour");
        assertTrue(ingress.stored.get(3).metadata().get("automaticReason").startsWith("flood"));
    }

    @Test
    void htmlOnlyMailIsReadAsTextWithoutTheGmailQuote() throws Exception {
        deliver(mail("", "<html><body><div>Yes, <b>please</b> send it.</div><div class=\"gmail_quote\">On Mon … wrote:"
                + "<blockquote>old text</blockquote></div></body></html>").replace("text/plain", "text/html"));
        poller.poll(settings);
        assertEquals("Yes, please send it.", ingress.stored.get(0).text());
    }

    @Test
    void aReplyGoesOutThreadedUnderTheCustomersMail() throws Exception {
        OutboundMessage reply = new OutboundMessage("out-1", "key-1", "email", "support",
                Party.of("Anna", new Identifier("email", "anna@example.org")), "It ships today.", null, CONVERSATION,
                Map.of(MessageMetadata.IN_REPLY_TO, "<m1@example.org>", MessageMetadata.SUBJECT,
                        "RE: Order 4711 " + ConversationTokens.subjectToken(CONVERSATION),
                        MessageMetadata.REFERENCES, "<m1@example.org> <m0.5@example.org> <m0@example.org>"));

        SendResult result = new SmtpSender("support", files).send(settings, reply);

        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertEquals(result.providerMessageId(), received.getMessageID());
        assertEquals(CONVERSATION, ConversationTokens.fromMessageIds(List.of(received.getMessageID())).orElseThrow());
        assertEquals("<m1@example.org>", received.getHeader("In-Reply-To", null));
        assertEquals("<m0@example.org> <m0.5@example.org> <m1@example.org>", received.getHeader("References", null),
                "the whole chain, root first");
        assertEquals("Re: Order 4711 " + ConversationTokens.subjectToken(CONVERSATION), received.getSubject(),
                "one Re: and one token, however often the mail went back and forth");
        assertEquals("support+c." + CONVERSATION + "@example.com", received.getReplyTo()[0].toString());
        assertEquals("support@example.com", received.getHeader(AutomaticMail.LOOP_HEADER, null));
        assertFalse(received.getContentType().isEmpty());
        assertTrue(received.isMimeType("multipart/alternative"));
    }

    @Test
    void aReplyCarriesItsFilesAndAFileThatIsGoneFailsItForGood() throws Exception {
        Attachment invoice = files.store("agent", "admin", "Счёт 4711.pdf", "application/pdf", "%PDF-1.4 invoice".getBytes(StandardCharsets.UTF_8));
        OutboundMessage reply = new OutboundMessage("out-2", "key-2", "email", "support",
                Party.of("Anna", new Identifier("email", "anna@example.org")), "Your invoice is attached.", List.of(invoice),
                CONVERSATION, Map.of());

        new SmtpSender("support", files).send(settings, reply);

        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertTrue(received.isMimeType("multipart/mixed"));
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) received.getContent();
        assertTrue(parts.getBodyPart(0).isMimeType("multipart/alternative"), "the text first");
        jakarta.mail.BodyPart file = parts.getBodyPart(1);
        assertEquals("Счёт 4711.pdf", file.getFileName());
        assertEquals(jakarta.mail.Part.ATTACHMENT, file.getDisposition());
        assertEquals("%PDF-1.4 invoice", new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

        OutboundMessage gone = new OutboundMessage("out-3", "key-3", "email", "support", reply.to(), "Again", List.of(
                new Attachment(AttachmentStore.URL_PREFIX + "999", "application/pdf", "erased.pdf", 1L)), CONVERSATION, Map.of());
        SendException failed = org.junit.jupiter.api.Assertions.assertThrows(SendException.class,
                () -> new SmtpSender("support", files).send(settings, gone));
        assertFalse(failed.isRetryable(), "retrying cannot bring an erased file back");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Order 4711                                  | Re: Order 4711
            RE: Order 4711                              | Re: Order 4711
            AW: RE: Ответ: Отв: SV: Order 4711          | Re: Order 4711
            Re[2]: Re: re : Order 4711 [ref:0b6f3c2e5d1a4e8f9a7b1c2d3e4f5a6b] | Re: Order 4711
            ОТВЕТ: Заказ                                | Re: Заказ
            Fwd: Order 4711                             | Re: Fwd: Order 4711
            Return policy                               | Re: Return policy
            RE:                                         | Re: your message
            """)
    void aReplysSubjectHasExactlyOneRe(String customers, String ours) {
        assertEquals(ours, SmtpSender.subject(customers));
    }

    @Test
    void anSmtpServerThatIsDownDegradesTheMailboxUntilASendSucceeds() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        MailboxSettings down = MailboxSettings.from(config(greenMail.getImap().getPort(), closedPort));
        SmtpSender sender = new SmtpSender("support", files);
        OutboundMessage reply = new OutboundMessage("out-4", "key-4", "email", "support",
                Party.of("Anna", new Identifier("email", "anna@example.org")), "It ships today.", null, CONVERSATION, Map.of());

        SendException failed = org.junit.jupiter.api.Assertions.assertThrows(SendException.class, () -> sender.send(down, reply));

        assertTrue(failed.isRetryable());
        org.seamline.api.health.Health health = EmailChannel.withSending(poller.health(), sender.failing());
        assertEquals(org.seamline.api.health.Health.State.DEGRADED, health.state(), "shown at the first failed attempt");
        assertTrue(health.detail().contains("sending: the SMTP server is unreachable"), health.detail());
        assertFalse(health.detail().contains("anna@example.org"), "no personal data");

        sender.send(settings, reply);
        assertEquals(org.seamline.api.health.Health.State.UP, EmailChannel.withSending(poller.health(), sender.failing()).state());
    }

    @Test
    void longReferenceChainsKeepTheRootAndTheNearestIds() {
        String nearestFirst = java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(i -> "<r" + (31 - i) + "@x>")
                .collect(java.util.stream.Collectors.joining(" "));
        List<String> chain = List.of(SmtpSender.references("<r31@x>", nearestFirst).split(" "));
        assertEquals(20, chain.size());
        assertEquals("<r1@x>", chain.get(0), "the thread's root");
        assertEquals(List.of("<r30@x>", "<r31@x>"), chain.subList(18, 20), "then the nearest, the answered mail last");
    }

    @Test
    void aBounceMarksOurMailUndeliveredAndIsNotACustomerMessage() throws Exception {
        String ours = ConversationTokens.messageId(CONVERSATION, "5f0e1d2c-3b4a-4958-8776-655443322110", "example.com");
        deliver("From: MAILER-DAEMON@mx.example.org\nTo: support@example.com\nSubject: Undelivered Mail Returned to Sender\n"
                + "Message-ID: <dsn-1@mx.example.org>\nReturn-Path: <>\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"R\"\n\n"
                + "--R\nContent-Type: text/plain\n\nYour message could not be delivered.\n"
                + "--R\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n"
                + "Final-Recipient: rfc822; gone@example.org\nAction: failed\nStatus: 5.1.1\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 user unknown\n"
                + "--R\nContent-Type: text/rfc822-headers\n\nFrom: support@example.com\nTo: gone@example.org\n"
                + "Message-ID: " + ours + "\nSubject: Re: Order\n\n--R--\n");

        assertEquals(1, poller.poll(settings));

        assertEquals(List.of(), ingress.stored, "a bounce is not a message from a customer");
        DeliveryUpdate update = reports.reports.get(0);
        assertEquals("5f0e1d2c-3b4a-4958-8776-655443322110", update.messageId());
        assertEquals(DeliveryStatus.UNDELIVERED, update.status());
        assertTrue(update.detail().startsWith("hard bounce:") && update.detail().contains("5.1.1"), update.detail());
        assertEquals(1, count("Processed"));
    }

    @Test
    void aPlainTextBounceIsReadButAnOutOfOfficeAnsweringOurMailIsNot() throws Exception {
        String hard = ConversationTokens.messageId(CONVERSATION, "11111111-2222-4333-8444-555555555555", "example.com");
        String unknown = ConversationTokens.messageId(CONVERSATION, "66666666-7777-4888-9999-000000000000", "example.com");
        deliver("From: MAILER-DAEMON@mx.example.org\nTo: support@example.com\nSubject: failure notice\n"
                + "Message-ID: <q1@mx.example.org>\n\nHi. This is the qmail-send program at mx.example.org.\n"
                + "<gone@example.org>:\nSorry, no mailbox here by that name. (#5.1.1)\n\n--- Below this line is a copy "
                + "of the message.\n\nMessage-ID: " + hard + "\nSubject: Re: Order\n");
        deliver("From: Mail System <postmaster@mx.example.org>\nTo: support@example.com\nSubject: Delivery delayed\n"
                + "Message-ID: <q2@mx.example.org>\n\nWe could not reach the server. Original: " + unknown + "\n");
        deliver("From: Anna <anna@example.org>\nTo: support@example.com\nSubject: Automatic reply: Order\n"
                + "Message-ID: <ooo@example.org>\nReturn-Path: <>\nAuto-Submitted: auto-replied\nIn-Reply-To: " + hard
                + "\n\nI am away until Monday. Your message " + hard + " will be read then.\n");

        assertEquals(3, poller.poll(settings));

        assertEquals(List.of(DeliveryStatus.UNDELIVERED, DeliveryStatus.FAILED),
                reports.reports.stream().map(DeliveryUpdate::status).toList());
        assertEquals("11111111-2222-4333-8444-555555555555", reports.reports.get(0).messageId());
        assertEquals("hard bounce: 5.1.1", reports.reports.get(0).detail());
        assertEquals("bounce without a status code", reports.reports.get(1).detail(), "the address is not judged");
        assertEquals(List.of("<ooo@example.org>"), ingress.stored.stream().map(InboundMessage::providerMessageId).toList(),
                "the out-of-office is the customer's (automatic) message, not a bounce");
    }

    @Test
    void mailSeenAgainUnderNewUidsIsNotStoredTwiceAndBigInboxesDrainInOnePoll() throws Exception {
        for (int i = 0; i < 45; i++) {
            deliver(mail("", "Mail " + i).replace("<m1@", "<m" + i + "-x@"));
        }
        assertEquals(45, poller.poll(settings), "batches of 20 until the inbox is empty");
        // A server that changed UIDVALIDITY (or a restore) offers the same mail again under new UIDs.
        for (int i = 0; i < 45; i++) {
            deliver(mail("", "Mail " + i).replace("<m1@", "<m" + i + "-x@"));
        }
        assertEquals(45, poller.poll(settings));
        assertEquals(45, ingress.stored.size());
        assertEquals(90, count("Processed"));
    }

    @Test
    void idleAnnouncesNewMailWithoutWaitingForThePollInterval() throws Exception {
        AtomicInteger announced = new AtomicInteger();
        try (MailboxIdler idler = new MailboxIdler("support", () -> settings, () -> {
            announced.incrementAndGet();
            return 0; // nothing taken: the mail stays
        })) {
            idler.start();
            // Mail delivered before the IDLE command is in place is not announced; keep delivering until one is.
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).until(() -> {
                deliver(mail("", "Are you there?").replace("<m1@", "<idle-" + System.nanoTime() + "@"));
                return announced.get() > 0;
            });
        }
        assertTrue(announced.get() >= 1);
    }

    @Test
    void mailArrivingDuringAPollIsTakenWithoutWaitingForTheTimer() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        java.util.function.IntSupplier pollWhileMailArrives = () -> {
            int taken = poller.poll(settings);
            if (polls.incrementAndGet() == 1) {
                try {
                    deliver(mail("", "Second").replace("<m1@", "<m2@"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return taken;
        };
        try (MailboxIdler idler = new MailboxIdler("support", () -> settings, pollWhileMailArrives)) {
            idler.start();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (polls.get() == 0 && count("INBOX") == 0) {
                    deliver(mail("", "First")); // once IDLE listens, it announces this one
                }
                return ingress.stored.size() == 2;
            });
        }
        assertEquals(List.of("First", "Second"), ingress.stored.stream().map(InboundMessage::text).toList());
    }

    @Test
    void idleAloneTakesEveryMailOfAStreamWithoutTheTimer() throws Exception {
        try (MailboxIdler idler = new MailboxIdler("support", () -> settings, () -> poller.poll(settings))) {
            idler.start();
            java.util.Random random = new java.util.Random(7);
            for (int i = 0; i < 15; i++) { // arriving at random moments, during polls and between them
                deliver(mail("", "Mail " + i).replace("<m1@", "<stream-" + i + "@"));
                Thread.sleep(random.nextInt(300));
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> ingress.stored.size() == 15);
        }
    }

    private MimeMessage inboxMail() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", greenMail.getImap().getPort(), "support@example.com", "mailbox-secret");
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        Message[] messages = inbox.getMessages();
        MimeMessage copy = new MimeMessage((MimeMessage) messages[0]);
        inbox.close(false);
        store.close();
        return copy;
    }

    static EmailChannelConfiguration config(int imapPort, int smtpPort) {
        return new EmailChannelConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return EmailChannelConfiguration.class;
            }

            @Override
            public String address() {
                return "support@example.com";
            }

            @Override
            public String username() {
                return "";
            }

            @Override
            public String password() {
                return "mailbox-secret";
            }

            @Override
            public String imapHost() {
                return "127.0.0.1";
            }

            @Override
            public int imapPort() {
                return imapPort;
            }

            @Override
            public String imapTls() {
                return "none";
            }

            @Override
            public String smtpHost() {
                return "127.0.0.1";
            }

            @Override
            public int smtpPort() {
                return smtpPort;
            }

            @Override
            public String smtpTls() {
                return "none";
            }

            @Override
            public int pollIntervalSeconds() {
                return 1;
            }

            @Override
            public String inboxFolder() {
                return "INBOX";
            }

            @Override
            public String processedFolder() {
                return "Processed";
            }

            @Override
            public String failedFolder() {
                return "Failed";
            }

            @Override
            public int maxMessageBytes() {
                return 1_000_000;
            }

            @Override
            public int maxAttachmentBytes() {
                return 1000;
            }

            @Override
            public int batchSize() {
                return 20;
            }

            @Override
            public boolean subjectToken() {
                return true;
            }

            @Override
            public int maxMailsPerSenderPerHour() {
                return 3;
            }
        };
    }
}

package org.seamline.channel.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.api.message.DeliveryStatus;
import org.seamline.api.message.DeliveryUpdate;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.MessageMetadata;

/**
 * Mail as Russian companies receive it (samples in {@code src/test/resources/mail}, written byte for byte in the
 * formats Mail.ru, Outlook, The Bat!, 1C and mail gateways produce), through a real IMAP server.
 */
class RealWorldMailTest {

    private GreenMailbox mailbox;
    private StoringIngress ingress;
    private RecordingReports reports;
    private KeptAttachments files;
    private MailboxPoller poller;

    @BeforeEach
    void start() {
        mailbox = new GreenMailbox();
        ingress = new StoringIngress();
        reports = new RecordingReports();
        files = new KeptAttachments();
        poller = new MailboxPoller("support", ingress, reports, files);
    }

    @AfterEach
    void stop() {
        mailbox.close();
    }

    private InboundMessage read(String sample) throws Exception {
        mailbox.deliver(GreenMailbox.sample(sample));
        assertEquals(1, poller.poll(mailbox.settings()));
        assertEquals(0, mailbox.count("Failed"), "not set aside");
        assertEquals(1, ingress.stored.size());
        return ingress.stored.get(0);
    }

    @Test
    void aSubjectAndNameCutMidCharacterAcrossEncodedWordsArriveWhole() throws Exception {
        InboundMessage mail = read("mailru-split-subject.eml");

        assertEquals("Заказ 4711: статус «доставлено», а посылки нет", mail.metadata().get(MessageMetadata.SUBJECT));
        assertEquals("Светлана Иванова", mail.from().name());
        assertEquals("Здравствуйте! Где моя посылка?", mail.text());
    }

    @Test
    void rawUtf8HeadersAreReadAsUtf8() throws Exception {
        InboundMessage mail = read("raw-utf8-headers.eml");

        assertEquals("Светлана Петрова", mail.from().name());
        assertEquals("Вопрос по счёту", mail.metadata().get(MessageMetadata.SUBJECT));
        assertEquals("Добрый день, пришлите счёт ещё раз.", mail.text());
    }

    @Test
    void rawHeaderBytesThatAreNoUtf8AreReadInTheMailsCharset() throws Exception {
        InboundMessage mail = read("raw-cp1251-headers.eml");

        assertEquals("Бухгалтерия ООО Ромашка", mail.from().name());
        assertEquals("Акт сверки", mail.metadata().get(MessageMetadata.SUBJECT));
        assertEquals("Направляем акт сверки за ноябрь.", mail.text());
    }

    @Test
    void anAttachmentNamedWithAnEncodedWordKeepsItsName() throws Exception {
        InboundMessage mail = read("outlook-encoded-word-filename.eml");

        assertEquals("Ольга Смирнова", mail.from().name());
        assertEquals("Счёт на оплату", mail.metadata().get(MessageMetadata.SUBJECT));
        assertEquals("Счёт во вложении.", mail.text());
        assertEquals("Счёт № 17 от 20.11.2026.pdf", mail.attachments().get(0).name());
        assertEquals("%PDF-1.4 invoice 17", new String(files.kept.get(0).content(), StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @ValueSource(strings = {"win-1251", "x-cp1251", "cp-1251", "windows1251", "koi8r", "x-mac-cyrillic"})
    void charsetAliasesAreUnderstood(String alias) throws Exception {
        InboundMessage mail = read("charset-" + alias + ".eml");

        assertEquals("Пётр Сидоров", mail.from().name());
        assertEquals("Привет", mail.metadata().get(MessageMetadata.SUBJECT));
        assertEquals("Прошу перезвонить.", mail.text());
    }

    @Test
    void attachmentsWhoseEncodingIsBrokenAreLeftOutByNameAndTheTextIsKept() throws Exception {
        InboundMessage mail = read("gateway-removed-attachment.eml");

        assertEquals("The scan is attached.", mail.text());
        String leftOut = mail.metadata().get("attachmentsLeftOut");
        assertTrue(leftOut != null && leftOut.contains("scan.jpg (its content cannot be decoded)"), leftOut);
    }

    @Test
    void aSyntacticallyInvalidContentTypeIsReadAsText() throws Exception {
        InboundMessage mail = read("invalid-content-type.eml");

        assertEquals("Когда привезут заказ?", mail.text());
    }

    @Test
    void theCalendarOfAMeetingRequestIsKeptAsAFile() throws Exception {
        InboundMessage mail = read("outlook-meeting-request.eml");

        assertEquals("Can we talk on Thursday?", mail.text());
        assertEquals(1, mail.attachments().size());
        assertEquals("invite.ics", mail.attachments().get(0).name());
        assertEquals("text/calendar", files.kept.get(0).contentType());
        assertTrue(new String(files.kept.get(0).content(), StandardCharsets.UTF_8).contains("METHOD:REQUEST"));
    }

    @Test
    void reportsFromTheEmptyAddressAreBouncesNotUnreadableMail() throws Exception {
        mailbox.deliver(GreenMailbox.sample("empty-sender-dsn.eml"));
        mailbox.deliver(GreenMailbox.sample("empty-sender-plain-bounce.eml"));

        assertEquals(2, poller.poll(mailbox.settings()));

        assertEquals(List.of(), ingress.stored);
        assertEquals(0, mailbox.count("Failed"));
        assertEquals(List.of("5f0e1d2c-3b4a-4958-8776-655443322110", "11111111-2222-4333-8444-555555555555"),
                reports.reports.stream().map(DeliveryUpdate::messageId).toList());
        assertEquals(List.of(DeliveryStatus.UNDELIVERED, DeliveryStatus.UNDELIVERED),
                reports.reports.stream().map(DeliveryUpdate::status).toList());
    }

    @Test
    void autoRepliesByPrecedenceReturnPathOrBounceSubjectAreAutomatic() throws Exception {
        String person = "From: Anna <anna@example.org>\r\nTo: support@example.com\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n";
        mailbox.deliver((person + "Subject: Re: Order\r\nMessage-ID: <a1@example.org>\r\nPrecedence: auto_reply\r\n\r\n"
                + "I am on leave.\r\n").getBytes(StandardCharsets.UTF_8));
        mailbox.deliver((person + "Subject: Re: Order\r\nMessage-ID: <a2@example.org>\r\n"
                + "Return-Path: <MAILER-DAEMON@mx.example.org>\r\n\r\nAway.\r\n").getBytes(StandardCharsets.UTF_8));
        mailbox.deliver((person + "Subject: Undeliverable: Re: Order\r\nMessage-ID: <a3@example.org>\r\n\r\n"
                + "Could not deliver.\r\n").getBytes(StandardCharsets.UTF_8));
        mailbox.deliver((person + "Subject: Undelivered order 4711\r\nMessage-ID: <a4@example.org>\r\n\r\n"
                + "My parcel never came.\r\n").getBytes(StandardCharsets.UTF_8));

        assertEquals(4, poller.poll(mailbox.settings()));

        assertEquals(List.of("true", "true", "true", "false"), ingress.stored.stream()
                .map(m -> String.valueOf(Boolean.parseBoolean(m.metadata().get(MessageMetadata.AUTOMATIC)))).toList(),
                "a customer's subject that merely mentions delivery is no bounce");
        assertNull(ingress.stored.get(3).metadata().get("automaticReason"));
    }
}

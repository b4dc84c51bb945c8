package org.seamline.channel.email;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/** SMTP's reply codes, as Angus Mail reports them, decide whether the outbox tries a reply again. */
class SmtpRefusalsTest {

    private static final InternetAddress ANNA = anna();

    private static InternetAddress anna() {
        try {
            return new InternetAddress("anna@example.org");
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What Angus throws when the server answers RCPT TO with {@code code}. */
    private static SendFailedException recipientAnswered(int code) {
        SMTPAddressFailedException rcpt = new SMTPAddressFailedException(ANNA, "RCPT TO:<anna@example.org>", code, code + " no");
        Address[] none = new Address[0];
        Address[] anna = {ANNA};
        return new SMTPSendFailedException("DATA", code, "Invalid Addresses", rcpt, none, code < 500 ? anna : none,
                code < 500 ? none : anna);
    }

    @Test
    void aTemporaryRefusalIsRetriedAndAPermanentOneIsNot() {
        assertTrue(SmtpSender.retryable(recipientAnswered(451)), "451 greylisted: try later");
        assertTrue(SmtpSender.retryable(recipientAnswered(452)), "452 mailbox full for now");
        assertFalse(SmtpSender.retryable(recipientAnswered(550)), "550 no such user");
    }

    @Test
    void aMessageRefusedAtDataIsFinal() {
        SendFailedException rejected = new SMTPSendFailedException("DATA", 554, "554 5.7.1 rejected as spam", null,
                new Address[0], new Address[] {ANNA}, new Address[0]);
        assertFalse(SmtpSender.retryable(rejected), "554 after DATA: sending the same mail again gets the same answer");
    }

    @Test
    void withoutAReplyCodeOnlyARejectedRecipientIsFinal() {
        assertFalse(SmtpSender.retryable(new SendFailedException("bad", null, new Address[0], new Address[0], new Address[] {ANNA})));
        assertTrue(SmtpSender.retryable(new SendFailedException("connection dropped")));
    }
}

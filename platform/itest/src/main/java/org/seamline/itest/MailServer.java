package org.seamline.itest;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** A real SMTP and IMAP server (GreenMail) on loopback ports of its choosing, with one support mailbox. */
public final class MailServer implements AutoCloseable {

    public static final String MAILBOX = "support@example.com";
    /** The environment variable the mailbox configuration reads its password from. */
    public static final String PASSWORD_VARIABLE = "SUPPORT_MAILBOX_PASSWORD";
    public static final String PASSWORD = "mailbox-secret";

    private final GreenMail greenMail;

    public MailServer() {
        greenMail = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});
        greenMail.start();
        greenMail.setUser(MAILBOX, MAILBOX, PASSWORD);
    }

    /**
     * Writes {@code etc/org.seamline.channel.email-support.cfg} pointing at this server, as an admin would; extra
     * lines come last and override the defaults (polling every second).
     */
    public void configure(SeamlineProcess seamline, String... extraLines) throws IOException {
        List<String> lines = new ArrayList<>(List.of("address=" + MAILBOX, "password=$[env:" + PASSWORD_VARIABLE + "]",
                "imapHost=127.0.0.1", "imapPort=" + greenMail.getImap().getPort(), "imapTls=none",
                "smtpHost=127.0.0.1", "smtpPort=" + greenMail.getSmtp().getPort(), "smtpTls=none", "pollIntervalSeconds=1"));
        lines.addAll(List.of(extraLines));
        Files.writeString(seamline.home.resolve("etc/org.seamline.channel.email-support.cfg"), String.join("\n", lines) + "\n");
    }

    /** Puts a raw RFC 822 mail (LF line ends are fine) into the support mailbox's inbox. */
    public void deliver(String raw) {
        try {
            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
            greenMail.getUserManager().getUser(MAILBOX).deliver(mail);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("not a mail: " + e.getMessage(), e);
        }
    }

    /** How many mails wait in the support inbox. */
    public int inboxCount() {
        try {
            return greenMail.getManagers().getImapHostManager()
                    .getInbox(greenMail.getUserManager().getUser(MAILBOX)).getMessageCount();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Mails the platform sent to {@code address} over SMTP. */
    public List<MimeMessage> sentTo(String address) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage mail : greenMail.getReceivedMessages()) {
            if (Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address))) {
                found.add(mail);
            }
        }
        return found;
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}

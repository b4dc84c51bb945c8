package org.seamline.channel.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The support mailbox on a GreenMail server (IMAP and SMTP on loopback, free ports): mail delivered as raw bytes. */
final class GreenMailbox implements AutoCloseable {

    static final String ADDRESS = "support@example.com";
    static final String PASSWORD = "mailbox-secret";

    final GreenMail greenMail;

    GreenMailbox() {
        greenMail = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});
        greenMail.start();
        greenMail.setUser(ADDRESS, ADDRESS, PASSWORD);
    }

    MailboxSettings settings() {
        return MailboxSettings.from(MailboxTest.config(greenMail.getImap().getPort(), greenMail.getSmtp().getPort()));
    }

    /** Puts raw RFC 822 bytes into the inbox, as a delivery would; 8-bit header bytes arrive as they are. */
    void deliver(byte[] raw) throws Exception {
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        greenMail.getUserManager().getUser(ADDRESS).deliver(mail);
    }

    /** A sample mail of the test resources ({@code mail/<name>}), byte for byte. */
    static byte[] sample(String name) {
        try (InputStream in = GreenMailbox.class.getResourceAsStream("/mail/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int count(String folder) throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", greenMail.getImap().getPort(), ADDRESS, PASSWORD);
            Folder f = store.getFolder(folder);
            if (!f.exists()) {
                return 0;
            }
            f.open(Folder.READ_ONLY);
            try {
                return f.getMessageCount();
            } finally {
                f.close(false);
            }
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}

package org.seamline.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.seamline.twilio.standin.TwilioStandIn;

/**
 * The providers the demo's channels talk to instead of the internet, in this process and on free loopback ports: a
 * real SMTP and IMAP server (GreenMail) holding the support mailbox, and the Twilio stand-in for one account. Their
 * secrets are made up on every start and only ever passed to the platform through its environment.
 */
final class StandIns implements AutoCloseable {

    static final String MAILBOX = "support@example.com";
    private static final String LOOPBACK = "127.0.0.1";
    private static final SecureRandom RANDOM = new SecureRandom();

    final GreenMail mail;
    final String mailboxPassword;
    final TwilioStandIn twilio;

    private StandIns(GreenMail mail, String mailboxPassword, TwilioStandIn twilio) {
        this.mail = mail;
        this.mailboxPassword = mailboxPassword;
        this.twilio = twilio;
    }

    static StandIns start() {
        GreenMail mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, LOOPBACK, ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, LOOPBACK, ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        mail.start();
        String mailboxPassword = randomHex(16);
        mail.setUser(MAILBOX, MAILBOX, mailboxPassword);
        try {
            return new StandIns(mail, mailboxPassword, TwilioStandIn.start("AC" + randomHex(16), randomHex(16)));
        } catch (RuntimeException e) {
            mail.stop();
            throw e;
        }
    }

    int smtpPort() {
        return mail.getSmtp().getPort();
    }

    int imapPort() {
        return mail.getImap().getPort();
    }

    static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Override
    public void close() {
        twilio.close();
        mail.stop();
    }
}

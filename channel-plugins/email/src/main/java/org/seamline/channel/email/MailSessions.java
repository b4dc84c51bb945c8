package org.seamline.channel.email;

import jakarta.mail.Session;
import java.util.Properties;

/** Jakarta Mail sessions for a mailbox: TLS as configured, certificates checked, and timeouts so a poll never hangs. */
final class MailSessions {

    private static final String TIMEOUT_MS = "30000";

    private MailSessions() {
    }

    static Session imap(MailboxSettings settings) {
        return session(settings.imap(), settings.imap().security() == MailboxSettings.Security.SSL ? "imaps" : "imap");
    }

    static Session smtp(MailboxSettings settings) {
        return session(settings.smtp(), settings.smtp().security() == MailboxSettings.Security.SSL ? "smtps" : "smtp");
    }

    static String imapProtocol(MailboxSettings settings) {
        return settings.imap().security() == MailboxSettings.Security.SSL ? "imaps" : "imap";
    }

    static String smtpProtocol(MailboxSettings settings) {
        return settings.smtp().security() == MailboxSettings.Security.SSL ? "smtps" : "smtp";
    }

    private static Session session(MailboxSettings.Endpoint endpoint, String protocol) {
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.put(prefix + "host", endpoint.host());
        p.put(prefix + "port", String.valueOf(endpoint.port()));
        p.put(prefix + "connectiontimeout", TIMEOUT_MS);
        p.put(prefix + "timeout", TIMEOUT_MS);
        p.put(prefix + "writetimeout", TIMEOUT_MS);
        if (endpoint.security() == MailboxSettings.Security.STARTTLS) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        if (endpoint.security() != MailboxSettings.Security.NONE) {
            p.put(prefix + "ssl.checkserveridentity", "true");
        }
        if (protocol.startsWith("smtp")) {
            p.put(prefix + "auth", "true");
            // Where the server offers DSN (RFC 3461), ask for a report on failure or delay, with the headers only:
            // they carry our Message-ID, which is all a bounce needs, and not the customer's text again.
            p.put(prefix + "dsn.notify", "FAILURE,DELAY");
            p.put(prefix + "dsn.ret", "HDRS");
        }
        if (protocol.startsWith("imap")) {
            // Reading a message must not mark it \Seen: it is moved once stored, or left for the next poll.
            p.put(prefix + "peek", "true");
        }
        return Session.getInstance(p);
    }
}

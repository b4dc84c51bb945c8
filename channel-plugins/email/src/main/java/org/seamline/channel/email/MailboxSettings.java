package org.seamline.channel.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import org.seamline.api.plugin.PluginInstances;

/** The validated settings of one mailbox; replaced as a whole when its configuration changes. */
record MailboxSettings(InternetAddress address, String username, String password, Endpoint imap, Endpoint smtp,
                       int pollIntervalSeconds, String inboxFolder, String processedFolder, String failedFolder,
                       int maxMessageBytes, int maxAttachmentBytes, int batchSize, boolean subjectToken,
                       int maxMailsPerSenderPerHour) {

    enum Security { SSL, STARTTLS, NONE }

    record Endpoint(String host, int port, Security security) {
    }

    static MailboxSettings from(EmailChannelConfiguration config) {
        InternetAddress address = address(config.address());
        String username = config.username() == null || config.username().isBlank() ? address.getAddress() : config.username().strip();
        return new MailboxSettings(address, username, PluginInstances.resolvedSecret(config.password(), "'password'"),
                endpoint("imap", config.imapHost(), config.imapPort(), config.imapTls()),
                endpoint("smtp", config.smtpHost(), config.smtpPort(), config.smtpTls()),
                atLeast(1, config.pollIntervalSeconds(), "pollIntervalSeconds"),
                folder(config.inboxFolder(), "inboxFolder"), folder(config.processedFolder(), "processedFolder"),
                folder(config.failedFolder(), "failedFolder"),
                atLeast(1024, config.maxMessageBytes(), "maxMessageBytes"),
                atLeast(0, config.maxAttachmentBytes(), "maxAttachmentBytes"), atLeast(1, config.batchSize(), "batchSize"),
                config.subjectToken(), atLeast(0, config.maxMailsPerSenderPerHour(), "maxMailsPerSenderPerHour"));
    }

    /** The domain our Message-IDs are made in: the mailbox's own. */
    String domain() {
        String mailbox = address.getAddress();
        return mailbox.substring(mailbox.indexOf('@') + 1);
    }

    private static InternetAddress address(String raw) {
        try {
            InternetAddress address = new InternetAddress(raw == null ? "" : raw.strip(), true);
            if (address.getAddress().indexOf('@') < 1) {
                throw new AddressException("no domain");
            }
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException("'address' must be a mail address such as support@example.com");
        }
    }

    private static Endpoint endpoint(String protocol, String host, int port, String security) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("'" + protocol + "Host' is required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("'" + protocol + "Port' must be 1-65535");
        }
        try {
            return new Endpoint(host.strip(), port, Security.valueOf(security.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("'" + protocol + "Tls' must be ssl, starttls or none");
        }
    }

    private static String folder(String name, String setting) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("'" + setting + "' is required");
        }
        return name.strip();
    }

    private static int atLeast(int minimum, int value, String setting) {
        if (value < minimum) {
            throw new IllegalArgumentException("'" + setting + "' must be at least " + minimum);
        }
        return value;
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "mailbox " + address.getAddress() + " (imap " + imap.host() + ":" + imap.port() + ", smtp " + smtp.host() + ":"
                + smtp.port() + ")";
    }
}

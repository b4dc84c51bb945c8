package org.seamline.channel.email;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Seamline email channel", description = "One mailbox: read over IMAP, replies sent over SMTP. "
        + "One file per mailbox: etc/org.seamline.channel.email-<instance>.cfg")
@interface EmailChannelConfiguration {

    @AttributeDefinition(name = "Address", description = "The mailbox's address, e.g. support@example.com; replies come from it")
    String address();

    @AttributeDefinition(name = "User name", description = "For IMAP and SMTP; empty uses the address")
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD,
            description = "Use $[env:NAME] or $[secret:name]; never logged")
    String password();

    @AttributeDefinition(name = "IMAP host")
    String imapHost();

    @AttributeDefinition(name = "IMAP port", description = "993 for ssl, 143 for starttls or none")
    int imapPort() default 993;

    @AttributeDefinition(name = "IMAP security", options = {@Option(label = "TLS from the start", value = "ssl"),
            @Option(label = "STARTTLS (required)", value = "starttls"), @Option(label = "None (tests only)", value = "none")})
    String imapTls() default "ssl";

    @AttributeDefinition(name = "SMTP host")
    String smtpHost();

    @AttributeDefinition(name = "SMTP port", description = "465 for ssl, 587 for starttls")
    int smtpPort() default 587;

    @AttributeDefinition(name = "SMTP security", options = {@Option(label = "TLS from the start", value = "ssl"),
            @Option(label = "STARTTLS (required)", value = "starttls"), @Option(label = "None (tests only)", value = "none")})
    String smtpTls() default "starttls";

    @AttributeDefinition(name = "Poll interval (seconds)")
    int pollIntervalSeconds() default 30;

    @AttributeDefinition(name = "Inbox folder")
    String inboxFolder() default "INBOX";

    @AttributeDefinition(name = "Processed folder", description = "Mail the platform has stored is moved here")
    String processedFolder() default "Processed";

    @AttributeDefinition(name = "Failed folder", description = "Mail that cannot be read is moved here, with the reason logged")
    String failedFolder() default "Failed";

    @AttributeDefinition(name = "Largest message (bytes)", description = "Larger mail goes to the failed folder")
    int maxMessageBytes() default 26_214_400;

    @AttributeDefinition(name = "Largest attachment (bytes)", description = "Larger files are left out of the stored "
            + "message (named in its metadata); 0 stores none")
    int maxAttachmentBytes() default 10_485_760;

    @AttributeDefinition(name = "Batch size", description = "Mails handled before the moved ones are expunged; a poll goes "
            + "on batch after batch until the inbox is empty")
    int batchSize() default 100;

    @AttributeDefinition(name = "Conversation token in the subject", description = "Replies carry [ref:…] in the subject, "
            + "so a new mail that keeps the subject still finds its conversation")
    boolean subjectToken() default true;

    @AttributeDefinition(name = "Mails per sender and hour", description = "Beyond this, a sender's mail is still stored "
            + "but marked automatic (a flood never reopens conversations); 0 counts nothing")
    int maxMailsPerSenderPerHour() default 30;
}

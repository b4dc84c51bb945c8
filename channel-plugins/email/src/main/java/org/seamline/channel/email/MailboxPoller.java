package org.seamline.channel.email;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.atomic.AtomicLong;
import org.seamline.api.health.Health;
import org.seamline.api.ingress.Acceptance;
import org.seamline.api.ingress.Ingress;
import org.seamline.api.ingress.IngressUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of a mailbox: each mail in the inbox folder is stored through the {@link Ingress} and only then moved to
 * the processed folder. A crash between the two leaves the mail in the inbox; the next poll stores it again, the
 * platform answers "duplicate" (same Message-ID) and the mail is moved. Unreadable mail goes to the failed folder
 * with its reason logged, so it never blocks the rest. When the platform cannot store, the poll stops and the mail
 * waits untouched for the next one.
 */
final class MailboxPoller {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxPoller.class);

    private final String instance;
    private final Ingress ingress;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile String lastError;

    MailboxPoller(String instance, Ingress ingress) {
        this.instance = instance;
        this.ingress = ingress;
    }

    /** Polls once; answers how many mails left the inbox (stored or failed). */
    int poll(MailboxSettings settings) {
        try (Store store = MailSessions.imap(settings).getStore(MailSessions.imapProtocol(settings))) {
            store.connect(settings.imap().host(), settings.imap().port(), settings.username(), settings.password());
            Folder inbox = store.getFolder(settings.inboxFolder());
            inbox.open(Folder.READ_WRITE);
            int done = 0;
            try {
                Folder processed = existing(store, settings.processedFolder());
                Folder failedFolder = existing(store, settings.failedFolder());
                EmailReader reader = new EmailReader(instance, settings);
                Message[] messages = inbox.getMessages();
                for (int i = 0; i < Math.min(messages.length, settings.maxMessagesPerPoll()); i++) {
                    Message message = messages[i];
                    if (message.isSet(Flags.Flag.DELETED)) {
                        continue;
                    }
                    if (!handle(inbox, (MimeMessage) message, reader, processed, failedFolder)) {
                        break;
                    }
                    done++;
                }
            } finally {
                inbox.close(true); // expunge what was moved
            }
            lastError = null;
            return done;
        } catch (MessagingException e) {
            lastError = "mailbox unreachable: " + e.getClass().getSimpleName();
            LOG.warn("Email {}: poll failed, retrying next time: {}", instance, e.getMessage());
            return 0;
        }
    }

    /** Answers false when the poll must stop (the platform cannot store right now). */
    private boolean handle(Folder inbox, MimeMessage mail, EmailReader reader, Folder processed, Folder failedFolder)
            throws MessagingException {
        String where = uid(inbox, mail);
        try {
            Acceptance acceptance = ingress.accept(reader.read(mail));
            move(inbox, mail, processed);
            stored.incrementAndGet();
            LOG.debug("Email {}: mail {} stored as {}{}", instance, where, acceptance.interactionId(),
                    acceptance.duplicate() ? " (already stored)" : "");
            return true;
        } catch (UnreadableMailException | IllegalArgumentException e) {
            LOG.warn("Email {}: mail {} moved to {}: {}", instance, where, failedFolder.getName(), e.getMessage());
            move(inbox, mail, failedFolder);
            failed.incrementAndGet();
            return true;
        } catch (IngressUnavailableException e) {
            lastError = "platform store unavailable";
            LOG.warn("Email {}: the platform cannot store mail now; {} stays in the inbox", instance, where);
            return false;
        }
    }

    private static void move(Folder from, MimeMessage mail, Folder to) throws MessagingException {
        from.copyMessages(new Message[] {mail}, to);
        mail.setFlag(Flags.Flag.DELETED, true);
    }

    private static Folder existing(Store store, String name) throws MessagingException {
        Folder folder = store.getFolder(name);
        if (!folder.exists()) {
            folder.create(Folder.HOLDS_MESSAGES);
        }
        return folder;
    }

    /** folder:UIDVALIDITY:UID, for logs: where the mail was. */
    private static String uid(Folder folder, Message mail) throws MessagingException {
        if (folder instanceof UIDFolder uids) {
            return folder.getFullName() + ":" + uids.getUIDValidity() + ":" + uids.getUID(mail);
        }
        return folder.getFullName() + "#" + mail.getMessageNumber();
    }

    Health health() {
        String error = lastError;
        String detail = "stored: " + stored.get() + ", failed: " + failed.get();
        return error == null ? new Health(Health.State.UP, detail) : new Health(Health.State.DEGRADED, detail + ", " + error);
    }
}

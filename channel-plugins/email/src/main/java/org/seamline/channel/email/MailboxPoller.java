package org.seamline.channel.email;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.seamline.api.health.Health;
import org.seamline.api.ingress.Acceptance;
import org.seamline.api.ingress.AttachmentStore;
import org.seamline.api.ingress.DeliveryReports;
import org.seamline.api.ingress.Ingress;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.DeliveryUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of a mailbox: each mail in the inbox folder is stored through the {@link Ingress} and only then moved to
 * the processed folder. A crash between the two leaves the mail in the inbox; the next poll stores it again, the
 * platform answers "duplicate" (same Message-ID) and the mail is moved. Unreadable mail goes to the failed folder
 * with its reason logged, so it never blocks the rest. Delivery reports (bounces) update the status of the mail they
 * report on and are filed, never stored as messages. When the platform cannot store, the poll stops and the mail
 * waits untouched for the next one.
 */
final class MailboxPoller {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxPoller.class);

    /** Mails up to this size are fetched with their batch: a batch of small mail costs one round trip. */
    private static final int PREFETCH_BYTES = 256 * 1024;

    private final String instance;
    private final Ingress ingress;
    private final DeliveryReports reports;
    private final AttachmentStore attachments;
    private final SenderFloods floods;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private volatile String lastError;
    /** Why the latest mail went to the failed folder, with its Message-ID: what an admin asks first. */
    private volatile String lastFailure;

    MailboxPoller(String instance, Ingress ingress, DeliveryReports reports, AttachmentStore attachments) {
        this(instance, ingress, reports, attachments, Clock.systemUTC());
    }

    MailboxPoller(String instance, Ingress ingress, DeliveryReports reports, AttachmentStore attachments, Clock clock) {
        this.floods = new SenderFloods(clock);
        this.instance = instance;
        this.ingress = ingress;
        this.reports = reports;
        this.attachments = attachments;
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
                EmailReader reader = new EmailReader(instance, settings, attachments);
                // Batch after batch until the inbox is empty. Each batch's mail is moved after every mail of it was
                // stored, then the inbox is expunged.
                boolean more = true;
                while (more) {
                    Batch batch = new Batch();
                    Message[] pending = pending(inbox, settings.batchSize());
                    for (Message message : pending) {
                        if (!handle(inbox, (MimeMessage) message, reader, settings.domain(), settings.maxMailsPerSenderPerHour(), batch)) {
                            batch.stopped = true;
                            break;
                        }
                    }
                    move(inbox, batch.processed, processed);
                    move(inbox, batch.failed, failedFolder);
                    inbox.expunge();
                    done += batch.processed.size() + batch.failed.size();
                    more = !batch.stopped && pending.length == settings.batchSize();
                }
            } finally {
                inbox.close(true);
            }
            lastError = null;
            return done;
        } catch (MessagingException e) {
            lastError = "mailbox unreachable: " + e.getClass().getSimpleName();
            LOG.warn("Email {}: poll failed, retrying next time: {}", instance, e.getMessage());
            return 0;
        }
    }

    /** The mails of one batch, by where they go once the batch is done. */
    private static final class Batch {
        final List<Message> processed = new ArrayList<>();
        final List<Message> failed = new ArrayList<>();
        boolean stopped;
    }

    /** Up to {@code limit} mails not yet moved, with UID and size fetched in one command. */
    private static Message[] pending(Folder inbox, int limit) throws MessagingException {
        List<Message> pending = new ArrayList<>();
        for (Message message : inbox.getMessages()) {
            if (pending.size() == limit) {
                break;
            }
            pending.add(message);
        }
        Message[] batch = pending.toArray(new Message[0]);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(FetchProfile.Item.FLAGS);
        inbox.fetch(batch, profile);
        // Whole mails of the batch in one more command, not one round trip each; larger ones are fetched alone.
        List<Message> small = new ArrayList<>();
        for (Message message : batch) {
            if (message.getSize() <= PREFETCH_BYTES) {
                small.add(message);
            }
        }
        FetchProfile whole = new FetchProfile();
        whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
        inbox.fetch(small.toArray(new Message[0]), whole);
        return batch;
    }

    /** Answers false when the poll must stop (the platform cannot store right now). */
    private boolean handle(Folder inbox, MimeMessage mail, EmailReader reader, String domain, int perHour, Batch batch)
            throws MessagingException {
        if (mail.isSet(Flags.Flag.DELETED)) {
            return true;
        }
        String where = uid(inbox, mail);
        try {
            EmailReader.Fetched fetched = reader.fetch(mail);
            Optional<BounceReader.Bounce> bounce = BounceReader.of(fetched, domain);
            if (bounce.isPresent()) {
                report(bounce.get(), where);
                batch.processed.add(mail);
                return true;
            }
            Acceptance acceptance = ingress.accept(floods.mark(reader.read(fetched), perHour));
            batch.processed.add(mail);
            (acceptance.duplicate() ? duplicates : stored).incrementAndGet();
            LOG.debug("Email {}: mail {} stored as {}{}", instance, where, acceptance.interactionId(),
                    acceptance.duplicate() ? " (already stored)" : "");
            return true;
        } catch (UnreadableMailException | IllegalArgumentException e) {
            LOG.warn("Email {}: mail {} goes to the failed folder: {}", instance, where, e.getMessage());
            lastFailure = messageIdOf(mail) + ": " + e.getMessage();
            batch.failed.add(mail);
            failed.incrementAndGet();
            return true;
        } catch (IngressUnavailableException e) {
            lastError = "platform store unavailable";
            LOG.warn("Email {}: the platform cannot store mail now; {} stays in the inbox", instance, where);
            return false;
        }
    }

    /** A bounce changes the status of the mail it reports on; it is never stored as a customer's message. */
    private void report(BounceReader.Bounce bounce, String where) throws IngressUnavailableException {
        Optional<String> ours = bounce.status() == null ? Optional.empty()
                : ConversationTokens.outboundMessageId(bounce.originalMessageId());
        if (ours.isEmpty()) {
            LOG.info("Email {}: delivery report {} is about no mail of ours, or only a delay; filed", instance, where);
            return;
        }
        boolean known = reports.report(new DeliveryUpdate(ours.get(), bounce.originalMessageId(), bounce.status(), null,
                bounce.detail()));
        LOG.info("Email {}: delivery report {} on message {}: {}{}", instance, where, ours.get(), bounce.status(),
                known ? "" : " (message unknown)");
    }

    /**
     * With IMAP MOVE (RFC 6851) where the server offers it: one atomic command, so a crash cannot leave the mail in
     * both folders. Otherwise copied and flagged deleted; the batch's expunge removes it from the inbox.
     */
    static void move(Folder from, List<Message> mails, Folder to) throws MessagingException {
        if (mails.isEmpty()) {
            return;
        }
        Message[] moving = mails.toArray(new Message[0]);
        if (from instanceof IMAPFolder imap && from.getStore() instanceof IMAPStore store && store.hasCapability("MOVE")) {
            imap.moveMessages(moving, to);
            return;
        }
        from.copyMessages(moving, to);
        from.setFlags(moving, new Flags(Flags.Flag.DELETED), true);
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

    private static String messageIdOf(MimeMessage mail) {
        try {
            String id = mail.getMessageID();
            return id == null ? "mail without Message-ID" : id;
        } catch (MessagingException e) {
            return "mail without a readable Message-ID";
        }
    }

    Health health() {
        String error = lastError;
        String failure = lastFailure;
        String detail = "stored: " + stored.get() + ", already stored: " + duplicates.get() + ", failed: " + failed.get()
                + (failure == null ? "" : " (latest " + failure + ")");
        return error == null ? new Health(Health.State.UP, detail) : new Health(Health.State.DEGRADED, detail + ", " + error);
    }
}

package org.seamline.channel.email;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IMAP IDLE as a trigger: one thread per mailbox waits on the inbox and, when the server announces new mail, runs
 * the same poll the timer runs, so mail arrives within a second instead of a poll interval. Servers without IDLE are
 * left to the timer. A lost connection is re-opened after a pause; closing ends the thread.
 */
final class MailboxIdler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxIdler.class);
    private static final long RECONNECT_SECONDS = 5;
    /** Polls in a row that may take nothing while mail waits, before the rest is left to the timer. */
    private static final int FRUITLESS_POLLS = 3;
    /** Pause after a poll that took nothing: the server may announce mail before every session can fetch it. */
    private static final long FRUITLESS_PAUSE_MS = 250;

    private final String instance;
    private final Supplier<MailboxSettings> settings;
    private final IntSupplier onNewMail;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;
    private volatile Store store;

    /** @param onNewMail polls, answering how many mails left the inbox */
    MailboxIdler(String instance, Supplier<MailboxSettings> settings, IntSupplier onNewMail) {
        this.instance = instance;
        this.settings = settings;
        this.onNewMail = onNewMail;
        this.thread = new Thread(this::run, "seamline-email-idle-" + instance);
        thread.setDaemon(true);
        // Jakarta Mail finds its providers through the context class loader: ours, where they are embedded.
        thread.setContextClassLoader(MailboxIdler.class.getClassLoader());
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (closed.getCount() > 0) {
            try {
                if (!idle()) {
                    return;
                }
            } catch (MessagingException | RuntimeException e) {
                if (closed.getCount() == 0) {
                    return;
                }
                LOG.info("Email {}: IDLE connection lost ({}); polling continues, IDLE again in {} s", instance,
                        e.getMessage(), RECONNECT_SECONDS);
                try {
                    closed.await(RECONNECT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Idles until the connection drops; false when the server has no IDLE (the timer alone polls then). */
    private boolean idle() throws MessagingException {
        MailboxSettings current = settings.get();
        try (Store opened = MailSessions.imap(current).getStore(MailSessions.imapProtocol(current))) {
            store = opened;
            opened.connect(current.imap().host(), current.imap().port(), current.username(), current.password());
            if (!((IMAPStore) opened).hasCapability("IDLE")) {
                LOG.info("Email {}: the server has no IMAP IDLE; mail is polled every {} s", instance, current.pollIntervalSeconds());
                return false;
            }
            IMAPFolder inbox = (IMAPFolder) opened.getFolder(current.inboxFolder());
            inbox.open(Folder.READ_ONLY);
            while (closed.getCount() > 0) {
                drain(inbox); // mail that came while IDLE was not listening, or during the last poll
                inbox.idle(true); // returns after the server reported a change
            }
            return true;
        } finally {
            store = null;
        }
    }

    /**
     * Polls while mail waits in the inbox: a poll moves what it stored, so what is still there arrived meanwhile.
     * A poll that took nothing is retried after a pause (the announcement can come before the mail is visible to
     * the polling session); after a few of those in a row (the platform store is down) the rest is left to the
     * timer.
     */
    private void drain(IMAPFolder inbox) throws MessagingException {
        int fruitless = 0;
        while (closed.getCount() > 0 && fruitless < FRUITLESS_POLLS && waiting(inbox) > 0) {
            if (onNewMail.getAsInt() > 0) {
                fruitless = 0;
            } else {
                fruitless++;
                try {
                    closed.await(FRUITLESS_PAUSE_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * How many mails the inbox holds now. The count a folder keeps is only as fresh as the last command on its
     * connection, and a poll moves mail on another one; a NOOP brings this connection's count up to date, so mail
     * that arrived during the poll is not left unannounced while IDLE waits for the next change.
     */
    private static int waiting(IMAPFolder inbox) throws MessagingException {
        inbox.doCommand(protocol -> {
            protocol.noop();
            return null;
        });
        return inbox.getMessageCount();
    }

    @Override
    public void close() {
        closed.countDown();
        Store open = store;
        if (open != null) {
            try {
                open.close(); // ends a running IDLE
            } catch (MessagingException ignored) {
                // closing anyway
            }
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.seamline.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntSupplier;
import org.seamline.itest.MailServer;
import org.seamline.itest.SeamlineProcess;

/**
 * Mail ingestion from a full mailbox (issue 4's target: at least 200 mails/s). {@code mails} small mails wait in the
 * inbox before the mailbox is configured; the clock runs from writing the configuration until every mail is stored
 * in the platform's inbox and moved out of the IMAP inbox.
 *
 * <p>Against GreenMail (in this JVM) by default. GreenMail looks up every message by scanning the whole folder, so
 * a 10 000-mail inbox measures GreenMail more than Seamline; {@code bench-email.sh dovecot} runs a local Dovecot
 * instead (see the script) and passes its port and Maildir here.
 */
public final class EmailIngestBenchmark {

    public static void main(String[] args) throws Exception {
        int mails = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        if (args.length > 3) {
            dovecot(mails, batchSize, Integer.parseInt(args[2]), Path.of(args[3]));
        } else {
            greenMail(mails, batchSize);
        }
    }

    private static void greenMail(int mails, int batchSize) throws Exception {
        try (MailServer server = new MailServer()) {
            for (int i = 0; i < mails; i++) {
                server.deliver(mail(i));
            }
            run("greenmail", mails, batchSize, seamline -> server.configure(seamline, "batchSize=" + batchSize), server::inboxCount);
        }
    }

    /** Writes the mails straight into the Maildir's new/ folder, as a delivery agent would. */
    private static void dovecot(int mails, int batchSize, int port, Path maildir) throws Exception {
        Path fresh = Files.createDirectories(maildir.resolve("new"));
        for (int i = 0; i < mails; i++) {
            Files.writeString(fresh.resolve("bench." + i + ".seamline"), mail(i).replace("\n", "\r\n"), StandardCharsets.UTF_8);
        }
        run("dovecot", mails, batchSize, seamline -> Files.writeString(
                seamline.home.resolve("etc/org.seamline.channel.email-support.cfg"), String.join("\n",
                        "address=" + MailServer.MAILBOX, "password=$[env:" + MailServer.PASSWORD_VARIABLE + "]",
                        "imapHost=127.0.0.1", "imapPort=" + port, "imapTls=none", "smtpHost=127.0.0.1", "smtpPort=25",
                        "smtpTls=none", "pollIntervalSeconds=1", "batchSize=" + batchSize) + "\n"),
                () -> countFiles(maildir.resolve("new")) + countFiles(maildir.resolve("cur")));
    }

    private interface Configure {
        void mailbox(SeamlineProcess seamline) throws Exception;
    }

    private static void run(String server, int mails, int batchSize, Configure configure, IntSupplier inboxCount)
            throws Exception {
        Path dir = Files.createTempDirectory("seamline-email-bench");
        try (SeamlineProcess seamline = SeamlineProcess.start(dir, Map.of(MailServer.PASSWORD_VARIABLE, MailServer.PASSWORD))) {
            long start = System.nanoTime();
            configure.mailbox(seamline);
            while (stored(seamline) < mails || inboxCount.getAsInt() > 0) {
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s, batchSize=%d: %,d mails stored and moved in %.1f s: %.0f mails/s%n", server, batchSize, mails,
                    seconds, mails / seconds);
        }
    }

    private static String mail(int i) {
        return "From: Customer " + i + " <customer" + (i % 2000) + "@example.org>\nTo: " + MailServer.MAILBOX
                + "\nSubject: Order " + i + "\nMessage-ID: <bench-" + i + "@example.org>\n"
                + "Content-Type: text/plain; charset=UTF-8\n\nWhere is order " + i + "?\n\n-- \nCustomer " + i + "\n";
    }

    private static int countFiles(Path folder) {
        try (var files = Files.list(folder)) {
            return (int) files.count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static long stored(SeamlineProcess seamline) {
        return seamline.getJson("/api/v1/interactions?channel=email&limit=1").get("total").asLong();
    }
}

package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} while a mailbox is being polled: mail stored but not yet moved out of the inbox is read again after
 * the restart, and the platform stores each mail once.
 */
class EmailCrashIT {

    private static final int MAILS = 400;

    @TempDir
    Path dir;

    @Test
    void noMailIsIngestedTwiceAcrossAKillInTheMiddleOfAPoll() throws Exception {
        try (MailServer mail = new MailServer()) {
            for (int i = 0; i < MAILS; i++) {
                mail.deliver("From: customer" + i + "@example.org\nTo: " + MailServer.MAILBOX + "\nSubject: Question " + i
                        + "\nMessage-ID: <q" + i + "@example.org>\n\nQuestion number " + i);
            }
            SeamlineProcess seamline = SeamlineProcess.start(dir, Map.of(MailServer.PASSWORD_VARIABLE, MailServer.PASSWORD));
            try {
                mail.configure(seamline, "batchSize=100");
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> stored(seamline) > 0);
                seamline.kill(); // in the middle of the first batch: stored, not yet moved
                seamline.launch();
                await().atMost(Duration.ofSeconds(120)).until(() -> mail.inboxCount() == 0 && stored(seamline) >= MAILS);

                JsonNode interactions = seamline.getJson("/api/v1/interactions?channel=email&limit=500");
                Set<String> providerIds = new HashSet<>();
                interactions.get("items").forEach(i -> providerIds.add(i.get("providerMessageId").asText()));
                assertEquals(MAILS, interactions.get("total").asInt(), "every mail stored once");
                assertEquals(MAILS, providerIds.size());
                assertTrue(emailHealth(seamline).matches(".*already stored: [1-9].*"),
                        "the kill left stored mail in the inbox, read again after the restart: " + emailHealth(seamline));
            } finally {
                seamline.close();
            }
        }
    }

    private static String emailHealth(SeamlineProcess seamline) {
        for (JsonNode plugin : seamline.getJson("/api/v1/plugins").get("items")) {
            for (JsonNode instance : plugin.get("instances")) {
                if (instance.get("name").asText().equals("support")) {
                    return instance.path("detail").asText();
                }
            }
        }
        return "";
    }

    private static int stored(SeamlineProcess seamline) {
        return seamline.getJson("/api/v1/interactions?channel=email&limit=1").get("total").asInt();
    }
}

package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL: both take webhooks, one processes (the worker lease), and when it is killed the
 * other takes over and nothing is lost.
 */
class TwoNodesIT {

    private static final String SECRET = "two-nodes-secret";
    private static final String ANNA = "{\"userId\":\"anna\"}";

    @TempDir
    Path dir;

    @Test
    void whenTheWorkingNodeDiesTheOtherTakesOverAndProcessesEverything() throws Exception {
        Map<String, String> database = PostgresServer.newDatabaseEnvironment();
        SeamlineProcess first = SeamlineProcess.start(dir.resolve("a"), database);
        SeamlineProcess second = SeamlineProcess.start(dir.resolve("b"), database);
        try {
            List<ApiChannelClient> shops = new ArrayList<>();
            for (SeamlineProcess node : List.of(first, second)) {
                Files.writeString(node.home.resolve("etc/org.seamline.context.cfg"), "workerLeaseSeconds=3\n",
                        StandardOpenOption.APPEND);
                ApiChannelClient shop = new ApiChannelClient(node, "shop");
                shop.configure("secret=" + SECRET);
                shop.awaitServing();
                shops.add(shop);
            }
            assertEquals(201, shops.get(1).post(ApiChannelClient.message("m-1", ANNA), SECRET).statusCode());
            await().atMost(Duration.ofSeconds(20)).until(() -> texts(first).size() == 1);

            SeamlineProcess worker = await().atMost(Duration.ofSeconds(10))
                    .until(() -> standby(first) ? second : standby(second) ? first : null, node -> node != null);
            SeamlineProcess survivor = worker == first ? second : first;
            assertTrue(standby(survivor), "one node works, the other stands by");

            worker.kill();
            assertEquals(201, shops.get(worker == first ? 1 : 0).post(ApiChannelClient.message("m-2", ANNA), SECRET).statusCode());

            await().atMost(Duration.ofSeconds(30)).until(() -> texts(survivor).size() == 2);
            assertTrue(!standby(survivor), "the survivor holds the lease now");
            assertEquals(1, survivor.getJson("/api/v1/customers").get("items").size(), "one customer, both messages");
        } finally {
            first.close();
            second.close();
        }
    }

    /** The texts of every conversation's messages, as the node answers them. */
    private static List<String> texts(SeamlineProcess node) {
        List<String> texts = new ArrayList<>();
        for (JsonNode conversation : node.getJson("/api/v1/conversations").get("items")) {
            for (JsonNode entry : node.getJson("/api/v1/conversations/" + conversation.get("id").asText() + "/messages")
                    .get("items")) {
                if (entry.get("kind").asText().equals("message")) {
                    texts.add(entry.get("text").asText());
                }
            }
        }
        return texts;
    }

    private static boolean standby(SeamlineProcess node) {
        return node.get("/health", true).body().contains("standby"); // a detail, shown to the admin only
    }
}

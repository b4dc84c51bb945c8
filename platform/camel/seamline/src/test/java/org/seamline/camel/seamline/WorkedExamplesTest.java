package org.seamline.camel.seamline;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.RoutesLoader;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seamline.api.feed.Change;

/** The route files of docs/examples, run as written apart from where they connect to. */
class WorkedExamplesTest {

    private static final Path EXAMPLES = Path.of("../../../docs/examples");

    private final InMemoryPlatform platform = new InMemoryPlatform();
    private final CamelContext camel = new DefaultCamelContext();

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    private void load(String example, Map<String, String> replacements) throws Exception {
        String yaml = Files.readString(EXAMPLES.resolve(example));
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            assertTrue(yaml.contains(replacement.getKey()), replacement.getKey());
            yaml = yaml.replace(replacement.getKey(), replacement.getValue());
        }
        camel.getCamelContextExtension().setName(example.replace(".camel.yaml", ""));
        camel.getRegistry().bind("platform", platform);
        camel.getCamelContextExtension().getContextPlugin(RoutesLoader.class)
                .loadRoutes(ResourceHelper.fromString("file:" + example, yaml));
        camel.start();
    }

    @Test
    void orderStatusEventsBecomeMessagesOncePerEventAlsoWhenTheStoreWasDownAMoment() throws Exception {
        load("order-status.camel.yaml", Map.of("{{env:SHOP_EVENTS_DIR}}", dir.toString()));
        Path part = dir.resolve("events.part");
        Files.writeString(part, """
                evt-1;anna@example.com;Anna Berg;1001;shipped\r
                evt-2;ben@example.com;Ben;1002;delayed

                evt-1;anna@example.com;Anna Berg;1001;shipped
                """);
        platform.storeDownFor.set(2);
        Files.move(part, dir.resolve("events.csv"));

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(dir.resolve(".done/events.csv")));
        assertEquals(2, platform.inbox.size());
        var anna = platform.inbox.get("api/shop/evt-1");
        assertEquals("Order 1001: shipped", anna.text());
        assertEquals("anna@example.com", anna.from().identifier("email").orElseThrow());
        assertEquals("Anna Berg", anna.from().name());
    }

    @Test
    void resolvedConversationsReachTheWarehouseOnceEvenWhenDeliveredAgain() throws Exception {
        String url = "jdbc:h2:mem:dwh-" + System.nanoTime() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
        try (Connection db = DriverManager.getConnection(url, "dwh", "");
             Statement sql = db.createStatement()) {
            sql.execute("""
                    create table resolved_conversation (change_position bigint primary key,
                      conversation_id varchar(64) not null, customer_id varchar(64),
                      resolved_at timestamp with time zone not null, resolved_by varchar(255))""");
            conversation("conv-1", "resolved", "agent-ann");
            conversation("conv-2", "open", "agent-ann");
            platform.change(Change.CUSTOMER_CREATED, "cust-9");
            conversation("conv-3", "RESOLVED", "system");
            load("resolved-to-warehouse.camel.yaml", Map.of("org.postgresql.ds.PGSimpleDataSource", "org.h2.jdbcx.JdbcDataSource",
                    "{{env:DWH_JDBC_URL}}", url, "{{env:DWH_USER}}", "dwh", "{{env:DWH_PASSWORD}}", ""));

            await().atMost(Duration.ofSeconds(10)).until(() -> platform.position("warehouse-resolved") == 4);
            assertEquals(List.of("1 conv-1 cust-1 agent-ann", "4 conv-3 cust-1 system"), rows(sql));

            platform.positions.put("warehouse-resolved", 0L); // as after a crash before the position was stored
            await().atMost(Duration.ofSeconds(10)).until(() -> platform.position("warehouse-resolved") == 4);
            assertEquals(List.of("1 conv-1 cust-1 agent-ann", "4 conv-3 cust-1 system"), rows(sql));
        }
    }

    private void conversation(String id, String status, String actor) {
        platform.changes.add(new Change(platform.changes.size() + 1, Change.CONVERSATION_CHANGED, Instant.now(), "cust-1",
                id, null, null, null, null, status, actor));
    }

    private static List<String> rows(Statement sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet r = sql.executeQuery("select * from resolved_conversation order by change_position")) {
            while (r.next()) {
                rows.add(r.getLong(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(5));
            }
        }
        return rows;
    }
}

package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDBC CRM bundle in the real distribution: deployed but idle without a configuration, an instance per .cfg
 * file against a real PostgreSQL (listed UP with its health), a wrong column refused with the setting named, and
 * the database password never in the log. What the connector does with a database is covered by its own tests.
 */
class JdbcCrmIT {

    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());

    @TempDir
    static Path dir;
    static SeamlineProcess seamline;
    static String url;

    @BeforeAll
    static void start() throws Exception {
        url = PostgresServer.newDatabaseEnvironment().get("SEAMLINE_DB_URL");
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE party_party (id serial PRIMARY KEY, name varchar NOT NULL, responsible varchar,
                      write_date timestamp NOT NULL DEFAULT clock_timestamp());
                    CREATE TABLE party_contact_mechanism (id serial PRIMARY KEY,
                      party integer NOT NULL REFERENCES party_party(id), type varchar NOT NULL, value varchar NOT NULL);
                    """);
        }
        seamline = SeamlineProcess.start(dir, Map.of("ERP_DB_PASSWORD", PASSWORD));
    }

    @AfterAll
    static void stop() throws Exception {
        seamline.close();
    }

    @Test
    void anInstanceStartsPerConfigurationFileAndABadColumnIsRefusedByName() throws Exception {
        assertEquals("UNCONFIGURED", plugin().get("health").asText(), "deployed, nothing started without a .cfg");
        assertEquals("crm", plugin().get("kind").asText());

        write("erp", "responsible");
        seamline.awaitInstanceUp("erp");

        write("broken", "account_manager");
        await().atMost(WITHIN).until(() -> seamline.log().contains(
                "JDBC CRM broken refused: ownerColumn: table public.party_party has no column 'account_manager'"));
        for (JsonNode instance : plugin().get("instances")) {
            assertFalse(instance.get("name").asText().equals("broken"), "a refused instance is not listed");
        }
        assertTrue(seamline.log().contains("JDBC CRM erp started (read-only)"));
        assertFalse(seamline.log().contains(PASSWORD), "the database password is never logged");
    }

    private static void write(String instance, String ownerColumn) throws Exception {
        Files.writeString(seamline.home.resolve("etc/org.seamline.crm.jdbc-" + instance + ".cfg"), String.join("\n",
                "jdbcUrl=" + url, "username=postgres", "password=$[env:ERP_DB_PASSWORD]", "table=party_party",
                "idColumn=id", "nameColumn=name", "ownerColumn=" + ownerColumn, "updatedAtColumn=write_date",
                "contactTable=party_contact_mechanism", "contactKeyColumn=party", "contactTypeColumn=type",
                "contactValueColumn=value", ""));
    }

    private static JsonNode plugin() {
        for (JsonNode plugin : seamline.getJson("/api/v1/plugins").get("items")) {
            if (plugin.get("id").asText().equals("org.seamline.crm.jdbc")) {
                return plugin;
            }
        }
        throw new AssertionError("the JDBC CRM bundle is not deployed");
    }
}

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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDBC CRM bundle in the real distribution: deployed but idle without a configuration, an instance per .cfg
 * file against a real PostgreSQL (listed UP with its health), a wrong column refused with the setting named, and
 * the database password never in the log; and CRM sync through it: a customer found by a phone the database writes
 * its own way in a child table of contact mechanisms, and a later change in the database reaching the profile.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JdbcCrmIT {

    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());

    @TempDir
    static Path dir;
    static SeamlineProcess seamline;
    static String url;
    static ApiChannelClient shop;
    private static final String SHOP_SECRET = "shop-secret-" + Long.toHexString(System.nanoTime());

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
        shop = new ApiChannelClient(seamline, "shop");
        shop.configure("secret=" + SHOP_SECRET);
        shop.awaitServing();
    }

    @AfterAll
    static void stop() throws Exception {
        seamline.close();
    }

    @Test
    @Order(1)
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

    @Test
    @Order(2)
    void aCustomerIsFoundByAPhoneInAnotherFormatAndALaterChangeInTheDatabaseReachesTheProfile() throws Exception {
        int party;
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            var inserted = s.executeQuery("INSERT INTO party_party (name, responsible) VALUES ('Ivan Petrov', 'olga') RETURNING id");
            inserted.next();
            party = inserted.getInt(1);
            s.execute("INSERT INTO party_contact_mechanism (party, type, value) VALUES (" + party + ", 'phone', '8 (916) 123-45-67')");
        }
        write("erp", "responsible");
        seamline.awaitInstanceUp("erp");

        assertEquals(201, shop.post(ApiChannelClient.message("order-1", "{\"phone\":\"+79161234567\"}"), SHOP_SECRET).statusCode());

        String customer = customerOf("+79161234567");
        await().atMost(WITHIN.multipliedBy(3)).until(() -> "olga".equals(attribute(customer, "crm.owner")));
        assertTrue(seamline.getJson("/api/v1/customers/" + customer).get("identifiers").toString().contains("jdbc/erp/" + party),
                "the CRM id is linked as an identifier");

        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("UPDATE party_party SET responsible = 'pavel', write_date = clock_timestamp() WHERE id = " + party);
        }
        await().atMost(WITHIN.multipliedBy(3)).until(() -> "pavel".equals(attribute(customer, "crm.owner")));
    }

    private static String customerOf(String phone) {
        String query = "/api/v1/customers?identifier=phone:" + phone.replace("+", "%2B");
        await().atMost(WITHIN).until(() -> seamline.getJson(query).get("items").size() == 1);
        return seamline.getJson(query).at("/items/0/id").asText();
    }

    private static String attribute(String customer, String name) {
        for (JsonNode attribute : seamline.getJson("/api/v1/customers/" + customer).get("attributes")) {
            if (name.equals(attribute.get("name").asText())) {
                return attribute.get("value").asText();
            }
        }
        return null;
    }

    private static void write(String instance, String ownerColumn) throws Exception {
        Files.writeString(seamline.home.resolve("etc/org.seamline.crm.jdbc-" + instance + ".cfg"), String.join("\n",
                "jdbcUrl=" + url, "username=postgres", "password=$[env:ERP_DB_PASSWORD]", "table=party_party",
                "idColumn=id", "nameColumn=name", "ownerColumn=" + ownerColumn, "updatedAtColumn=write_date",
                "contactTable=party_contact_mechanism", "contactKeyColumn=party", "contactTypeColumn=type",
                "contactValueColumn=value", "emailTypes=email", "phoneTypes=phone", "pollIntervalSeconds=1", ""));
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

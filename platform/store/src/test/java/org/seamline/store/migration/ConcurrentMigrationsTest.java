package org.seamline.store.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.store.Database;
import org.seamline.store.internal.PluginTablesService;
import org.seamline.store.internal.TestDatabases;

/**
 * Migrations under the database-wide lock: runners that start together (nodes, on one PostgreSQL) apply each script
 * once, and plugins' scripts are recorded per owner.
 */
class ConcurrentMigrationsTest {

    private static final String PLATFORM = "org/seamline/store/migration";
    private static final int RUNNERS = 4;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void runnersStartingTogetherApplyEachScriptOnce(String kind) throws Exception {
        DataSource database = TestDatabases.empty(kind);
        int scripts = new Migrations(getClass().getClassLoader(), PLATFORM).scripts().size();

        List<Integer> ran = together(() -> new Migrations(getClass().getClassLoader(), PLATFORM).migrate(database));

        assertEquals(scripts, ran.stream().mapToInt(Integer::intValue).sum(), "every script ran once in all: " + ran);
        assertEquals(String.valueOf(scripts), query(database, "SELECT COUNT(*) FROM schema_version"));

        Scripts plugin = new Scripts(Map.of("V1__notes.sql", "CREATE TABLE crm_x_note (id INTEGER PRIMARY KEY);",
                "V2__more.sql", "ALTER TABLE crm_x_note ADD COLUMN body VARCHAR(100);"));
        List<Integer> pluginRan = together(() -> Migrations.forOwner("crm.x", plugin, "p").migrate(database));

        assertEquals(2, pluginRan.stream().mapToInt(Integer::intValue).sum(), "each plugin script once: " + pluginRan);
        assertEquals("V1__notes.sql,V2__more.sql",
                query(database, "SELECT name FROM plugin_schema_version WHERE owner = 'crm.x' ORDER BY version"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aPluginsChangedScriptIsRefusedAndOwnersAreIndependent(String kind) throws Exception {
        DataSource database = TestDatabases.empty(kind);
        new Migrations(getClass().getClassLoader(), PLATFORM).migrate(database);
        Scripts first = new Scripts(Map.of("V1__tokens.sql", "CREATE TABLE crm_a_token (id INTEGER PRIMARY KEY);"));
        Scripts other = new Scripts(Map.of("V1__tokens.sql", "CREATE TABLE crm_b_token (id INTEGER PRIMARY KEY);"));

        assertEquals(1, Migrations.forOwner("crm.a", first, "p").migrate(database));
        assertEquals(1, Migrations.forOwner("crm.b", other, "p").migrate(database), "b's V1 is its own, not a's");
        assertEquals(0, Migrations.forOwner("crm.a", first, "p").migrate(database), "applied once");

        Scripts changed = new Scripts(Map.of("V1__tokens.sql", "CREATE TABLE crm_a_token (id BIGINT PRIMARY KEY);"));
        SQLException refused = assertThrows(SQLException.class,
                () -> Migrations.forOwner("crm.a", changed, "p").migrate(database));
        assertTrue(refused.getMessage().contains("crm.a/V1__tokens.sql changed"), refused.getMessage());
        assertEquals(0, Migrations.forOwner("crm.b", other, "p").migrate(database), "b is untouched by a's refusal");
    }

    @Test
    void aPluginMigratesThroughTheServiceAndWorksInThePlatformsDatabase() throws Exception {
        Database database = TestDatabases.h2();
        Scripts scripts = new Scripts(Map.of("V1__cursor.sql", "CREATE TABLE crm_y_cursor (name VARCHAR(50) PRIMARY KEY);"));

        DataSource tables = new PluginTablesService(database).migrate("crm.y", scripts, "p");

        assertSame(database.dataSource(), tables);
        assertEquals("0", query(tables, "SELECT COUNT(*) FROM crm_y_cursor"));
        assertThrows(IllegalArgumentException.class, () -> new PluginTablesService(database).migrate("crm y", scripts, "p"));
    }

    @Test
    void ownerNamesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Migrations.forOwner("", getClass().getClassLoader(), "p"));
        assertThrows(IllegalArgumentException.class, () -> Migrations.forOwner("a b", getClass().getClassLoader(), "p"));
        assertThrows(IllegalArgumentException.class, () -> Migrations.forOwner("x".repeat(65), getClass().getClassLoader(), "p"));
    }

    /** Runs the same migration in {@link #RUNNERS} threads released at once; answers how many scripts each ran. */
    private static List<Integer> together(Callable<Integer> migration) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(RUNNERS);
        try {
            CyclicBarrier start = new CyclicBarrier(RUNNERS);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < RUNNERS; i++) {
                runs.add(threads.submit(() -> {
                    start.await();
                    return migration.call();
                }));
            }
            List<Integer> ran = new ArrayList<>();
            for (Future<Integer> run : runs) {
                ran.add(run.get()); // a runner that raced another fails here
            }
            return ran;
        } finally {
            threads.shutdownNow();
        }
    }

    private static String query(DataSource database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return String.join(",", values);
    }

    /** A plugin's folder {@code p/}: the scripts given, listed in its index in name order. */
    private static final class Scripts extends ClassLoader {

        private final Map<String, String> files;

        Scripts(Map<String, String> files) {
            super(null);
            this.files = files;
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            String text = name.equals("p/index") ? String.join("\n", files.keySet().stream().sorted().toList())
                    : files.get(name.substring("p/".length()));
            return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}

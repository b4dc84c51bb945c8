package org.seamline.crm.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.seamline.api.crm.Activity;
import org.seamline.api.crm.ContactDraft;
import org.seamline.api.crm.CrmChange;
import org.seamline.api.crm.CrmChangePolling;
import org.seamline.api.crm.CrmContact;
import org.seamline.api.crm.CrmException;
import org.seamline.api.health.Health;
import org.seamline.crm.jdbc.JdbcFixture.Layout;

/** What only a database connector must get right: names checked, values bound, phones, keyset paging, outages. */
class JdbcCrmTest {

    @Test
    void findsAPhoneWrittenTheRussianWayInTheChildTable() throws Exception {
        try (JdbcFixture db = JdbcFixture.create(Layout.CHILD_TABLE)) {
            String ivan = db.createContact("Ivan Petrov", List.of(), List.of(), null, List.of());
            String fax = db.createContact("Fax only", List.of(), List.of(), null, List.of());
            try (var c = TestPostgres.connect(db.url)) {
                db.addMechanism(c, ivan, "phone", "8 (916) 123-45-67");
                // A fax number of the right digits is not a phone type the configuration names.
                db.addMechanism(c, fax, "fax", "+79161234567");
            }
            // Same last ten digits, another country: the SQL pre-filter lets it through, libphonenumber must not.
            db.createContact("Ivan in Sacramento", List.of(), List.of("+1 916 123 4567"), null, List.of());

            List<CrmContact> found = db.connector().findByPhone("+79161234567");

            assertEquals(List.of(ivan), found.stream().map(CrmContact::id).toList());
            assertEquals(List.of("+79161234567"), found.get(0).phones());
        }
    }

    @Test
    void pagesThroughChangesThatShareOneTimestamp() throws Exception {
        try (JdbcFixture db = JdbcFixture.create(Layout.COLUMNS)) {
            CrmChangePolling polling = db.jdbcCrm();
            String cursor = polling.changesSince(null, 10).cursor();
            Set<String> created = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                created.add(db.createContact("C" + i, List.of("c" + i + "@example.com"), List.of(), null, List.of()));
            }
            // One application transaction touching them all: one updated-at for five rows.
            db.execute("UPDATE customers SET updated_at = ?", Timestamp.from(Instant.parse("2030-01-01T00:00:00Z")));

            List<String> seen = new ArrayList<>();
            for (int page = 0; page < 5; page++) {
                CrmChangePolling.Page next = polling.changesSince(cursor, 2);
                next.changes().forEach(c -> seen.add(c.contactId()));
                cursor = next.cursor();
            }

            assertEquals(created, new HashSet<>(seen), "every row of the shared instant is handed over");
            assertEquals(seen.size(), new HashSet<>(seen).size(), "and each once: " + seen);
        }
    }

    @Test
    void aChangeReportsTheContactWithItsTime() throws Exception {
        try (JdbcFixture db = JdbcFixture.create(Layout.CHILD_TABLE)) {
            String id = db.createContact("Ivan Petrov", List.of("ivan@example.com"), List.of(), "olga", List.of());
            String cursor = db.jdbcCrm().changesSince(null, 10).cursor();
            db.changeContact(id, "pavel", List.of("vip"));

            List<CrmChange> changes = db.jdbcCrm().changesSince(cursor, 10).changes();

            assertEquals(1, changes.size());
            assertEquals(id, changes.get(0).contactId());
            assertFalse(changes.get(0).deleted());
            assertEquals(db.connector().profile(id).orElseThrow().updatedAt(), changes.get(0).at(),
                    "write date without time zone read back as the same instant");
        }
    }

    @Test
    void refusesACursorItDidNotWrite() throws Exception {
        try (JdbcFixture db = JdbcFixture.create(Layout.COLUMNS)) {
            CrmException refused = assertThrows(CrmException.class, () -> db.jdbcCrm().changesSince("2024-01-01|1", 10));

            assertEquals(CrmException.Kind.VALIDATION, refused.kind());
        }
    }

    @Test
    void refusesAColumnTheTableDoesNotHave() throws Exception {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> JdbcFixture.create(Layout.COLUMNS, Map.of("ownerColumn", "account_manager")));

        assertEquals("ownerColumn: table public.customers has no column 'account_manager'", refused.getMessage());
    }

    @Test
    void refusesATableNameCarryingSql() throws Exception {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> JdbcFixture.create(Layout.COLUMNS, Map.of("table", "customers; DROP TABLE crm_activity")));

        assertTrue(refused.getMessage().startsWith("table: the database has no table"), refused.getMessage());
    }

    @Test
    void refusesAnActivityTableThatCouldLogTwice() throws Exception {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> JdbcFixture.create(Layout.COLUMNS, Map.of("activityInteractionColumn", "subject")));

        assertTrue(refused.getMessage().contains("needs a unique index"), refused.getMessage());
    }

    @Test
    void matchesIdentifiersWrittenInAnotherCase() throws Exception {
        try (JdbcFixture db = JdbcFixture.create(Layout.COLUMNS, Map.of("table", "Customers", "emailColumns", "EMAIL"))) {
            String id = db.createContact("Anna", List.of("anna@example.com"), List.of(), null, List.of());

            assertEquals(List.of(id), db.connector().findByEmail("anna@example.com").stream().map(CrmContact::id).toList());
        }
    }

    @Test
    void valuesThatLookLikeSqlAreOnlyValues() throws Exception {
        try (JdbcFixture db = JdbcFixture.create(Layout.COLUMNS)) {
            db.createContact("Anna", List.of("anna@example.com"), List.of(), null, List.of());

            assertEquals(List.of(), db.connector().findByEmail("' or '1'='1"));
            assertEquals(List.of(), db.connector().findByEmail("x'; drop table customers; --"));
            assertTrue(db.connector().profile("1 OR 1=1").isEmpty());
            String name = "Robert'); DROP TABLE customers; --";
            CrmContact created = db.connector().upsert(new ContactDraft(null, name, List.of("bobby@example.com"), List.of()));

            assertEquals(name, db.connector().profile(created.id()).orElseThrow().name());
            assertEquals(2, db.count("SELECT count(*) FROM customers"));
        }
    }

    @Test
    void withoutAnActivityTableItIsReadOnly() throws Exception {
        Map<String, Object> readOnly = new HashMap<>();
        readOnly.put("activityTable", "");
        try (JdbcFixture db = JdbcFixture.create(Layout.COLUMNS, readOnly)) {
            String id = db.createContact("Anna", List.of("anna@example.com"), List.of(), null, List.of());

            CrmException upsert = assertThrows(CrmException.class,
                    () -> db.connector().upsert(new ContactDraft(null, "Lena", List.of("lena@example.com"), List.of())));
            CrmException log = assertThrows(CrmException.class, () -> db.connector().log(new Activity("m1", id,
                    Activity.Kind.SMS, Activity.Direction.INBOUND, Instant.now(), null, "hi", null)));

            assertEquals(CrmException.Kind.VALIDATION, upsert.kind());
            assertTrue(upsert.getMessage().contains("read-only"), upsert.getMessage());
            assertEquals(CrmException.Kind.VALIDATION, log.kind());
            assertEquals(1, db.count("SELECT count(*) FROM customers"));
            assertEquals(List.of(id), db.connector().findByEmail("anna@example.com").stream().map(CrmContact::id).toList());
        }
    }

    @Test
    void twoCreatesOfOneNewPersonAtOnceMakeOneContact() throws Exception {
        for (Layout layout : Layout.values()) {
            try (JdbcFixture db = JdbcFixture.create(layout)) {
                List<String> ids = all(4, () -> db.connector()
                        .upsert(new ContactDraft(null, "Lena", List.of("lena@example.com"), List.of("+79161234567"))).id());

                assertEquals(1, new HashSet<>(ids).size(), layout + ": every caller got the same contact " + ids);
                assertEquals(1, db.connector().findByEmail("lena@example.com").size(), layout + ": one row");
            }
        }
    }

    @Test
    void oneInteractionLoggedFromSeveralWorkersAtOnceIsOneRecord() throws Exception {
        try (JdbcFixture db = JdbcFixture.create(Layout.COLUMNS)) {
            String id = db.createContact("Anna", List.of("anna@example.com"), List.of(), null, List.of());
            Activity call = new Activity("call-1", id, Activity.Kind.CALL, Activity.Direction.INBOUND, Instant.now(),
                    null, "Voicemail", null);

            List<String> answers = all(4, () -> db.connector().log(call));

            assertEquals(List.of("call-1", "call-1", "call-1", "call-1"), answers);
            assertEquals(List.of("call-1"), db.loggedInteractions(id));
        }
    }

    @Test
    void loggingForAContactThatDoesNotExistIsNotFound() throws Exception {
        try (JdbcFixture db = JdbcFixture.create(Layout.COLUMNS)) {
            CrmException refused = assertThrows(CrmException.class, () -> db.connector().log(new Activity("m1", "4711",
                    Activity.Kind.SMS, Activity.Direction.INBOUND, Instant.now(), null, "hi", null)));

            assertEquals(CrmException.Kind.NOT_FOUND, refused.kind());
        }
    }

    @Test
    void aDatabaseThatIsDownIsTransientAndTheConnectorRecovers() throws Exception {
        try (JdbcFixture db = JdbcFixture.create(Layout.COLUMNS); var admin = TestPostgres.connect(serverOf(db.url))) {
            String id = db.createContact("Anna", List.of("anna@example.com"), List.of(), null, List.of());
            String name = databaseOf(db.url);
            admin.createStatement().execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            admin.createStatement().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");

            CrmException down = assertThrows(CrmException.class, () -> db.connector().findByEmail("anna@example.com"));
            assertEquals(CrmException.Kind.TRANSIENT, down.kind());
            assertFalse(down.getMessage().contains("anna"), "no personal data in the message: " + down.getMessage());
            assertEquals(Health.State.DOWN, db.connector().health().state());

            admin.createStatement().execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");

            assertEquals(List.of(id), db.connector().findByEmail("anna@example.com").stream().map(CrmContact::id).toList());
            assertEquals(Health.State.UP, db.connector().health().state());
        }
    }

    @Test
    void aDatabaseDownAtActivationIsCheckedWhenItComesUp() throws Exception {
        String url = TestPostgres.newDatabase();
        String dbName = databaseOf(url);
        try (var admin = TestPostgres.connect(serverOf(url))) {
            admin.createStatement().execute("ALTER DATABASE " + dbName + " ALLOW_CONNECTIONS false");
            Map<String, Object> config = JdbcFixture.settings(Layout.COLUMNS, url);
            try (JdbcCrm crm = JdbcCrm.open("late", Settings.from(Configs.of(config)))) {
                assertEquals(CrmException.Kind.TRANSIENT,
                        assertThrows(CrmException.class, () -> crm.findByEmail("anna@example.com")).kind());

                admin.createStatement().execute("ALTER DATABASE " + dbName + " ALLOW_CONNECTIONS true");

                // It came up without the configured tables: a configuration error, not retried as an outage.
                CrmException wrong = assertThrows(CrmException.class, () -> crm.findByEmail("anna@example.com"));
                assertEquals(CrmException.Kind.AUTH_INVALID, wrong.kind());
                assertTrue(wrong.getMessage().contains("no table 'customers'"), wrong.getMessage());
                assertEquals(Health.State.DOWN, crm.health().state());
            }
        }
    }

    @Test
    void anUnsetPasswordVariableIsRefusedWithoutShowingIt() throws Exception {
        Map<String, Object> config = JdbcFixture.settings(Layout.COLUMNS, "jdbc:postgresql://127.0.0.1:1/none");
        config.put("password", "$[env:CRM_DB_PASSWORD]");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Settings.from(Configs.of(config)));

        assertEquals("password refers to a variable or secret that is not set", refused.getMessage());
    }

    @Test
    void refusesAnIncompleteLayout() {
        Map<String, Object> config = JdbcFixture.settings(Layout.CHILD_TABLE, "jdbc:postgresql://127.0.0.1:1/none");
        config.put("contactTypeColumn", "");

        assertEquals("contactTypeColumn is required",
                assertThrows(IllegalArgumentException.class, () -> Settings.from(Configs.of(config))).getMessage());
    }

    private static String databaseOf(String url) {
        return url.replaceAll("^jdbc:postgresql://[^/]+/([^/?]+).*$", "$1");
    }

    /** The server's maintenance database, from which another database can be closed and opened. */
    private static String serverOf(String url) {
        return url.replaceAll("^(jdbc:postgresql://[^/]+/)[^/?]+", "$1postgres");
    }

    /** Runs {@code n} copies of the call released at the same moment; their answers. */
    private static <T> List<T> all(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}

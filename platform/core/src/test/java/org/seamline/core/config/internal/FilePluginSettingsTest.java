package org.seamline.core.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.metatype.AttributeDefinition;
import org.seamline.core.audit.AdminAudit;
import org.seamline.core.audit.AuditPage;
import org.seamline.core.audit.AuditQuery;
import org.seamline.core.config.InstanceSettings;
import org.seamline.core.config.SettingsException;
import org.seamline.core.config.SettingsException.Kind;
import org.seamline.core.config.SettingsForm;

/** Plugin instances saved as files in a real folder, checked against a plugin's attribute definitions. */
class FilePluginSettingsTest {

    private static final String SMS = "org.seamline.channel.sms";

    @TempDir
    Path etc;
    private final List<String> audited = Collections.synchronizedList(new ArrayList<>());
    private FilePluginSettings settings;

    @BeforeEach
    void setUp() {
        List<AttributeDefinition> attributes = List.of(
                // No options as Felix's metatype gives them: an empty array, which allows any value.
                new Attribute("accountSid", AttributeDefinition.STRING, 0, null, new String[0]),
                new Attribute("authToken", AttributeDefinition.PASSWORD, 0, null, null),
                new Attribute("sendTimeoutMillis", AttributeDefinition.INTEGER, 0, new String[] {"10000"}, null),
                new Attribute("mode", AttributeDefinition.STRING, 0, new String[] {"live"}, new String[] {"live", "test"}),
                new Attribute("stopKeywords", AttributeDefinition.STRING, Integer.MAX_VALUE, new String[] {"STOP"}, null));
        List<SettingsForm.Field> fields = attributes.stream().map(a -> new SettingsForm.Field(a.getID(), a.getName(), "",
                a.getType() == AttributeDefinition.PASSWORD ? "password" : "string", a.getDefaultValue() == null,
                a.getCardinality() != 0, List.of(), List.of())).toList();
        Definitions.Definition sms = new Definitions.Definition(new SettingsForm(SMS, "org.seamline.channel.sms", "SMS", "", fields),
                attributes);
        AdminAudit audit = new AdminAudit() {
            @Override
            public void record(String actor, String action, String subject, String details) {
                audited.add(actor + " " + action + " " + subject + " " + details);
            }

            @Override
            public AuditPage entries(AuditQuery query) {
                throw new UnsupportedOperationException("not read here");
            }
        };
        settings = new FilePluginSettings(locale -> List.of(sms), etc, audit);
    }

    @Test
    void anInstanceIsCreatedAsAnOwnerOnlyFileAndItsSecretNeverComesBack() throws Exception {
        InstanceSettings created = settings.save(SMS, "main", Map.of("accountSid", List.of("AC123"),
                "authToken", List.of("s3cret-token"), "stopKeywords", List.of("STOP", "СТОП")), null, "alice");

        Path file = etc.resolve(SMS + "-main.cfg");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(Map.of("accountSid", List.of("AC123"), "stopKeywords", List.of("STOP", "СТОП")), created.values());
        assertEquals(java.util.Set.of("authToken"), created.secretsSet());
        assertFalse(created.toString().contains("s3cret-token"));
        assertTrue(Files.readString(file, StandardCharsets.US_ASCII).contains("authToken=s3cret-token"),
                "the platform reads the secret from the file");
        assertEquals(List.of("alice instance.created org.seamline.channel.sms~main settings accountSid, authToken, stopKeywords"),
                audited, "the audit names the settings, never their values");
        assertEquals(created, settings.instance(SMS, "main").orElseThrow());
        assertEquals(List.of(created), settings.instances(SMS));
    }

    @Test
    void everyWrongValueIsReportedAtOnceAndNothingIsWritten() throws Exception {
        SettingsException refused = assertThrows(SettingsException.class, () -> settings.save(SMS, "main", Map.of(
                "sendTimeoutMillis", List.of("soon"), "mode", List.of("chaos"), "colour", List.of("red")), null, "alice"));

        assertEquals(Kind.INVALID, refused.kind());
        assertEquals(Map.of("sendTimeoutMillis", "must be a whole number", "mode", "must be one of live, test",
                "colour", "not a setting of SMS", "accountSid", "required", "authToken", "required"), refused.fieldErrors());
        assertFalse(Files.exists(etc.resolve(SMS + "-main.cfg")));
        assertEquals(Kind.INVALID, assertThrows(SettingsException.class, () -> settings.save(SMS, "../../bin/x",
                Map.of(), null, "alice")).kind());
        assertTrue(audited.isEmpty());
    }

    @Test
    void aChangeBasedOnAnOldRevisionIsRefusedAndAnEmptySecretKeepsItsValue() throws Exception {
        String first = settings.save(SMS, "main", Map.of("accountSid", List.of("AC1"), "authToken", List.of("t1")), null, "alice")
                .revision();
        InstanceSettings changed = settings.save(SMS, "main", Map.of("accountSid", List.of("AC2"), "authToken", List.of("")),
                first, "bob");

        assertNotEquals(first, changed.revision());
        assertTrue(Files.readString(etc.resolve(SMS + "-main.cfg")).contains("authToken=t1"));
        SettingsException stale = assertThrows(SettingsException.class, () -> settings.save(SMS, "main",
                Map.of("accountSid", List.of("AC3")), first, "carol"));
        assertEquals(Kind.CONFLICT, stale.kind());
        assertEquals(Kind.CONFLICT, assertThrows(SettingsException.class, () -> settings.save(SMS, "main",
                Map.of("accountSid", List.of("AC3")), null, "carol")).kind(), "creating over an existing instance");

        Files.writeString(etc.resolve(SMS + "-main.cfg"), "accountSid=AC-by-hand\nauthToken=t1\n");
        assertEquals(Kind.CONFLICT, assertThrows(SettingsException.class, () -> settings.save(SMS, "main",
                Map.of("mode", List.of("test")), changed.revision(), "bob")).kind(), "a hand edit counts as a change");
        assertEquals(List.of("AC-by-hand"), settings.instance(SMS, "main").orElseThrow().values().get("accountSid"));
    }

    @Test
    void ofTwoAdminsSavingFromTheSameRevisionExactlyOneWins() throws Exception {
        String revision = settings.save(SMS, "main", Map.of("accountSid", List.of("AC1"), "authToken", List.of("t")), null, "a")
                .revision();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (String admin : List.of("alice", "bob")) {
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    settings.save(SMS, "main", Map.of("accountSid", List.of("AC-" + admin)), revision, admin);
                    return "saved";
                } catch (SettingsException e) {
                    return e.kind().name();
                }
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        pool.shutdown();

        assertEquals(List.of("CONFLICT", "saved"), results.stream().sorted().toList());
    }

    @Test
    void removingNeedsTheCurrentRevision() throws Exception {
        String revision = settings.save(SMS, "old", Map.of("accountSid", List.of("AC1"), "authToken", List.of("t")), null, "a")
                .revision();

        assertEquals(Kind.CONFLICT, assertThrows(SettingsException.class, () -> settings.delete(SMS, "old", null, "a")).kind());
        settings.delete(SMS, "old", revision, "alice");

        assertTrue(settings.instances(SMS).isEmpty());
        assertEquals(Kind.NOT_FOUND, assertThrows(SettingsException.class, () -> settings.delete(SMS, "old", revision, "a")).kind());
        assertEquals(Kind.NOT_FOUND, assertThrows(SettingsException.class, () -> settings.instances("org.example.none")).kind());
        assertEquals(1, settings.forms(Locale.ENGLISH).size());
    }

    /** An attribute definition as a plugin's metatype declares it. */
    private record Attribute(String id, int type, int cardinality, String[] defaults, String[] options)
            implements AttributeDefinition {

        @Override
        public String getName() {
            return id;
        }

        @Override
        public String getID() {
            return id;
        }

        @Override
        public String getDescription() {
            return "";
        }

        @Override
        public int getCardinality() {
            return cardinality;
        }

        @Override
        public int getType() {
            return type;
        }

        @Override
        public String[] getOptionValues() {
            return options;
        }

        @Override
        public String[] getOptionLabels() {
            return options;
        }

        @Override
        public String validate(String value) {
            return null;
        }

        @Override
        public String[] getDefaultValue() {
            return defaults;
        }
    }
}

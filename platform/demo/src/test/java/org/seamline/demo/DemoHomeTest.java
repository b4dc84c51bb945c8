package org.seamline.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoHomeTest {

    @TempDir
    Path installation;

    @BeforeEach
    void anInstallation() throws IOException {
        Files.createDirectories(installation.resolve("system/4"));
        Files.createDirectories(installation.resolve("deploy"));
        Files.createDirectories(installation.resolve("etc"));
        Files.writeString(installation.resolve("etc/logback.xml"), "<configuration/>");
        // What the demo must never pick up: the installation's own channel and database settings.
        Files.writeString(installation.resolve("etc/org.seamline.channel.email-support.cfg"), "imapHost=imap.example.com\n");
        Files.writeString(installation.resolve("etc/org.seamline.store.cfg"), "url=jdbc:postgresql://db.example.com/prod\n");
    }

    @Test
    void theDemoHomeSharesThePlatformButNotTheConfigurationOrTheDatabase() throws IOException {
        DemoHome home = DemoHome.prepare(installation);

        Path dir = installation.resolve("data/demo");
        assertEquals(dir, home.dir());
        assertEquals(installation.resolve("system").toRealPath(), dir.resolve("system").toRealPath());
        assertEquals(installation.resolve("deploy").toRealPath(), dir.resolve("deploy").toRealPath());
        assertTrue(Files.readString(dir.resolve("etc/org.seamline.store.cfg")).lines().anyMatch(l -> l.equals("url=")),
                "its own embedded store");
        assertFalse(Files.exists(dir.resolve("etc/org.seamline.channel.email-support.cfg")));
        assertEquals("<configuration/>", Files.readString(dir.resolve("etc/logback.xml")));
    }

    @Test
    void everyDemoStartsOverButKeepsItsAdminPassword() throws IOException {
        DemoHome first = DemoHome.prepare(installation);
        Files.createDirectories(first.dir().resolve("data/db"));
        Files.writeString(first.dir().resolve("data/db/seamline.mv.db"), "last run");
        first.writeConfig("org.seamline.channel.sms-main", List.of("accountSid=AC1"));
        Files.writeString(first.adminPasswordFile(), "generated-last-time\n");

        DemoHome second = DemoHome.prepare(installation);

        assertFalse(Files.exists(second.dir().resolve("data")), "the last demo's database is gone");
        assertFalse(Files.exists(second.dir().resolve("etc/org.seamline.channel.sms-main.cfg")));
        assertEquals("generated-last-time\n", Files.readString(second.adminPasswordFile()));
    }

    @Test
    void aDirectoryWhereALinkBelongsIsLeftAloneAndNamed() throws IOException {
        Files.createDirectories(installation.resolve("data/demo/system"));
        DemoFailure refused = assertThrows(DemoFailure.class, () -> DemoHome.prepare(installation));
        assertTrue(refused.getMessage().contains("data/demo/system"), refused.getMessage());
    }
}

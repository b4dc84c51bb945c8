package org.seamline.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelsTest {

    @TempDir
    Path installation;

    @Test
    void theChannelFilesPointAtTheStandInsAndHoldNoSecret() throws IOException {
        Files.createDirectories(installation.resolve("system"));
        Files.createDirectories(installation.resolve("deploy"));
        Files.createDirectories(installation.resolve("etc"));
        Files.writeString(installation.resolve("etc/logback.xml"), "<configuration/>");
        DemoHome home = DemoHome.prepare(installation);

        try (StandIns standIns = StandIns.start()) {
            Channels channels = new Channels(standIns, 18080);
            channels.configure(home);

            List<String> files;
            try (Stream<Path> etc = Files.list(home.dir().resolve("etc"))) {
                files = etc.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("org.seamline.channel.")).sorted().toList();
            }
            assertEquals(List.of("org.seamline.channel.api-shop.cfg", "org.seamline.channel.email-support.cfg",
                    "org.seamline.channel.sms-main.cfg", "org.seamline.channel.voice-main.cfg",
                    "org.seamline.channel.whatsapp-main.cfg"), files);
            StringBuilder all = new StringBuilder();
            for (String file : files) {
                all.append(Files.readString(home.dir().resolve("etc").resolve(file)));
            }
            for (String secret : channels.secrets().values()) {
                assertFalse(all.toString().contains(secret), "secrets reach the platform through its environment only");
            }
            String voice = Files.readString(home.dir().resolve("etc/org.seamline.channel.voice-main.cfg"));
            assertTrue(voice.contains("publicBaseUrl=http://127.0.0.1:18080\n"), voice);
            assertTrue(voice.contains("apiBaseUrl=" + standIns.twilio.apiBaseUrl() + "\n"), voice);
            assertTrue(voice.contains("authToken=$[env:"), voice);
            String mail = Files.readString(home.dir().resolve("etc/org.seamline.channel.email-support.cfg"));
            assertTrue(mail.contains("imapPort=" + standIns.imapPort() + "\n") && mail.contains("smtpPort=" + standIns.smtpPort() + "\n"), mail);
        }
    }
}

package org.seamline.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo's own home, {@code data/demo} of the installation: its own {@code etc/}, database and logs, so the demo
 * never reads the installation's configuration (its mailboxes, Twilio accounts, PostgreSQL) nor writes into its
 * database. {@code system/} and {@code deploy/} are links to the installation's: the same platform, the same plugins.
 * Every demo starts over: the last run's database and channel configuration are removed; the admin password file
 * and the logs stay.
 */
final class DemoHome {

    static final String RELATIVE_PATH = "data/demo";
    private static final String ADMIN_PASSWORD_FILE = "admin.password";

    private final Path installation;
    private final Path dir;

    private DemoHome(Path installation, Path dir) {
        this.installation = installation;
        this.dir = dir;
    }

    static DemoHome prepare(Path installation) throws IOException {
        Path dir = installation.resolve(RELATIVE_PATH);
        DemoHome home = new DemoHome(installation, dir);
        Files.createDirectories(dir.resolve("etc"));
        Files.createDirectories(dir.resolve("logs"));
        deleteTree(dir.resolve("data"));
        try (DirectoryStream<Path> configs = Files.newDirectoryStream(dir.resolve("etc"), "*.cfg")) {
            for (Path config : configs) {
                Files.delete(config);
            }
        }
        home.link("system");
        home.link("deploy");
        Files.copy(installation.resolve("etc/logback.xml"), dir.resolve("etc/logback.xml"), StandardCopyOption.REPLACE_EXISTING);
        home.writeConfig("org.seamline.store", List.of(
                "# The demo always runs on an embedded store of its own, " + RELATIVE_PATH + "/data/db.", "url="));
        return home;
    }

    Path dir() {
        return dir;
    }

    /** Where the platform generates the admin password on the demo's first start (when SEAMLINE_ADMIN_PASSWORD is unset). */
    Path adminPasswordFile() {
        return dir.resolve("etc").resolve(ADMIN_PASSWORD_FILE);
    }

    Path log() {
        return dir.resolve("logs/seamline.log");
    }

    /** Where the platform process's own output goes (warnings and errors; the full log is {@link #log()}). */
    Path consoleLog() {
        return dir.resolve("logs/console.log");
    }

    /** Writes {@code etc/<pid>.cfg}; fileinstall picks it up as the platform starts. */
    void writeConfig(String pid, List<String> lines) throws IOException {
        Files.writeString(dir.resolve("etc").resolve(pid + ".cfg"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    /** {@code data/demo/<name>} pointing at the installation's {@code <name>}, relatively, so a moved installation keeps working. */
    private void link(String name) throws IOException {
        Path link = dir.resolve(name);
        if (Files.isSymbolicLink(link)) {
            Files.delete(link);
        } else if (Files.exists(link)) {
            throw new DemoFailure(link + " should be a link to the installation's " + name + "/; remove it and start the demo again");
        }
        Files.createSymbolicLink(link, dir.relativize(installation.resolve(name)));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}

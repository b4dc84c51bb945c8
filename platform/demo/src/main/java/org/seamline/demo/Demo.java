package org.seamline.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code bin/seamline demo} does, in order: a fresh demo home, the stand-ins, the channel configuration, the
 * platform, Lena's journey, what came of it and how to sign in; then it waits until the platform stops (Ctrl-C or
 * {@code bin/seamline stop}), and takes the stand-ins down with it.
 */
final class Demo {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration INSTANCE_TIMEOUT = Duration.ofSeconds(30);

    private final Path installation;
    private final Map<String, String> environment;
    private final PrintStream out;
    private StandIns standIns;
    private PlatformProcess platform;
    private boolean stopped;

    Demo(Path installation, Map<String, String> environment, PrintStream out) {
        this.installation = installation;
        this.environment = environment;
        this.out = out;
    }

    /** Runs the demo; answers the exit code once the platform has stopped. */
    int run(List<String> platformCommand) throws Exception {
        int port = httpPort();
        requireFree(port);
        DemoHome home = DemoHome.prepare(installation);
        out.println("Seamline demo: the platform runs on a home of its own, " + home.dir() + ", with its own configuration,");
        out.println("  database and logs; this installation's etc/ and database are not touched. Every demo starts over.");

        StandIns started = StandIns.start();
        synchronized (this) {
            standIns = started;
            if (stopped) {
                started.close();
                throw new DemoFailure("stopped");
            }
        }
        out.println("Stand-ins on this machine: a mail server (SMTP 127.0.0.1:" + started.smtpPort() + ", IMAP 127.0.0.1:"
                + started.imapPort() + ") and Twilio (" + started.twilio.apiBaseUrl() + ")");
        Channels channels = new Channels(started, port);
        channels.configure(home);

        String baseUrl = "http://127.0.0.1:" + port;
        out.println("Starting Seamline on " + baseUrl + " ...");
        synchronized (this) {
            if (stopped) {
                throw new DemoFailure("stopped");
            }
            platform = PlatformProcess.start(platformCommand, home, channels.secrets());
        }
        SeamlineApi api = new SeamlineApi(baseUrl);
        platform.awaitUp(api, START_TIMEOUT, home);
        api.signIn(adminPassword(home));
        for (Channels.Instance instance : Channels.instances()) {
            Await.until("Channel instance " + instance + " coming up", INSTANCE_TIMEOUT, () -> api.instanceUp(instance));
        }
        out.println("Channels up: " + Channels.instances());

        String customer = new Journey(started, channels, api, out).play();
        summarise(api, customer);
        signInHelp(baseUrl, home);

        int exit = platform.waitFor();
        synchronized (this) {
            if (!stopped) {
                out.println("The platform stopped (exit code " + exit + "); see " + home.log());
            }
        }
        return exit;
    }

    /** Stops the platform, then the stand-ins (which it may still call while stopping). Safe to call more than once. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (platform != null) {
            platform.stop();
        }
        if (standIns != null) {
            standIns.close();
        }
        removePidFile();
    }

    private void summarise(SeamlineApi api, String customerId) throws IOException, InterruptedException {
        int customers = api.get("/api/v1/customers?limit=10").path("total").asInt();
        Set<String> channelsSeen = new LinkedHashSet<>();
        Set<String> conversations = new LinkedHashSet<>();
        for (JsonNode entry : api.timeline(customerId)) {
            if (entry.path("direction").asText().equals("in")) {
                channelsSeen.add(entry.path("channel").asText());
                conversations.add(entry.path("conversationId").asText());
            }
        }
        out.println("Result: " + customers + (customers == 1 ? " customer, " : " customers; ") + Journey.NAME + " (" + customerId
                + "), whose timeline holds " + String.join(", ", channelsSeen) + " in " + conversations.size()
                + (conversations.size() == 1 ? " conversation (" + conversations.iterator().next() + ")." : " conversations."));
    }

    private void signInHelp(String baseUrl, DemoHome home) {
        boolean fromEnvironment = adminPasswordFromEnvironment() != null;
        String password = fromEnvironment ? "the one in SEAMLINE_ADMIN_PASSWORD" : "in " + home.adminPasswordFile();
        out.println();
        out.println("Console:  " + baseUrl + "/console/");
        out.println("Sign in:  user admin, password " + password);
        out.println("API:      curl -u admin:" + (fromEnvironment ? "\"$SEAMLINE_ADMIN_PASSWORD\"" : "\"$(cat " + home.adminPasswordFile() + ")\"")
                + " " + baseUrl + "/api/v1/customers");
        out.println("Logs:     " + home.log());
        out.println("Stop:     Ctrl-C, or bin/seamline stop (the stand-ins stop with it)");
        out.flush();
    }

    private String adminPassword(DemoHome home) throws IOException {
        String fromEnvironment = adminPasswordFromEnvironment();
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        Path file = home.adminPasswordFile();
        if (!Files.exists(file)) {
            throw new DemoFailure("The platform is up but wrote no admin password to " + file);
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    /** As the launcher reads it: set and not blank. */
    private String adminPasswordFromEnvironment() {
        String value = environment.get("SEAMLINE_ADMIN_PASSWORD");
        return value == null || value.isBlank() ? null : value;
    }

    private int httpPort() {
        String value = environment.getOrDefault("SEAMLINE_HTTP_PORT", "").strip();
        if (value.isEmpty()) {
            return 8080;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new DemoFailure("SEAMLINE_HTTP_PORT is not a port number");
        }
    }

    /** Else the demo would wait for, and play its journey against, whatever else answers there. */
    private static void requireFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.getLocalPort();
        } catch (IOException e) {
            throw new DemoFailure("Port " + port + " on 127.0.0.1 is in use (another Seamline?); stop it, or choose another port"
                    + " with SEAMLINE_HTTP_PORT");
        }
    }

    /** bin/seamline wrote this process's pid to data/seamline.pid, so that "bin/seamline stop" stops the demo. */
    private void removePidFile() {
        Path pidFile = installation.resolve("data/seamline.pid");
        try {
            if (Files.exists(pidFile)
                    && Files.readString(pidFile).strip().equals(Long.toString(ProcessHandle.current().pid()))) {
                Files.delete(pidFile);
            }
        } catch (IOException e) {
            System.err.println("Seamline demo: could not remove " + pidFile + ": " + e.getMessage());
        }
    }
}

package org.seamline.demo;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform, run as its own process on the demo's home with the command {@code bin/seamline} builds for
 * {@code run} (same JVM options, same launcher), so the demo's class path never reaches the OSGi runtime.
 */
final class PlatformProcess {

    /** As long as {@code bin/seamline stop} waits by default. */
    private static final long STOP_SECONDS = 30;

    private final Process process;

    private PlatformProcess(Process process) {
        this.process = process;
    }

    /**
     * Starts it with this process's environment plus {@code environment}; listening on loopback only, whatever
     * SEAMLINE_BIND says, since the demo's stand-ins and secrets are for this machine.
     */
    static PlatformProcess start(List<String> command, DemoHome home, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.dir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.consoleLog().toFile()));
        // The demo's store is its own embedded one (DemoHome): a production database's credentials have no business here.
        builder.environment().keySet().removeIf(name -> name.startsWith("SEAMLINE_DB_"));
        builder.environment().putAll(environment);
        builder.environment().put("SEAMLINE_BIND", "127.0.0.1");
        return new PlatformProcess(builder.start());
    }

    /** Waits for {@code /health} to answer UP; fails at once when the process ends instead. */
    void awaitUp(SeamlineApi api, Duration timeout, DemoHome home) {
        Await.until("The platform's start", timeout, () -> {
            if (!process.isAlive()) {
                throw new DemoFailure("The platform stopped while starting (exit code " + process.exitValue() + "); see "
                        + home.consoleLog() + " and " + home.log());
            }
            return api.healthUp();
        });
    }

    /** Blocks until the platform ends; answers its exit code. */
    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Stops it as {@code bin/seamline stop} would (SIGTERM, the launcher stops the framework), forcibly only if it hangs. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

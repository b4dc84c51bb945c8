package org.seamline.live.internal;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.seamline.api.health.Health;
import org.seamline.api.health.HealthContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link LiveHub} with its three threads: the dispatcher that writes to the streams, a timer for heartbeats
 * and presence expiry, and one that re-checks the streams' credentials against the store. A new configuration
 * restarts it: the open streams are closed and their clients reconnect (with a reset, since the log starts anew).
 */
@Component(service = {LiveEvents.class, HealthContributor.class}, configurationPid = LiveConfiguration.PID)
@Designate(ocd = LiveConfiguration.class)
public class LiveEvents implements HealthContributor {

    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);

    private final LiveHub hub;
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(named("seamline-live-dispatch"));
    private final ExecutorService rechecker = Executors.newSingleThreadExecutor(named("seamline-live-recheck"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(named("seamline-live-timer"));

    @Activate
    public LiveEvents(LiveConfiguration config) {
        LiveSettings settings = LiveSettings.of(config);
        Clock clock = Clock.systemUTC();
        EventLog log = new EventLog(settings.bufferedEvents(), clock.millis(), ThreadLocalRandom.current().nextInt(1000));
        this.hub = new LiveHub(settings, log, clock, dispatcher, rechecker);
        long heartbeat = settings.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(safely(hub::heartbeat), heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(safely(hub::expirePresence), 1, 1, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() throws InterruptedException {
        timer.shutdownNow();
        hub.closeAll();
        dispatcher.shutdown();
        rechecker.shutdownNow();
        dispatcher.awaitTermination(5, TimeUnit.SECONDS);
    }

    LiveHub hub() {
        return hub;
    }

    @Override
    public String name() {
        return "live";
    }

    @Override
    public Health health() {
        return new Health(Health.State.UP, hub.openStreams() + " event streams open");
    }

    /** A periodic task that throws would never run again: log it and go on. */
    private static Runnable safely(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Live updates: a periodic task failed", e);
            }
        };
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}

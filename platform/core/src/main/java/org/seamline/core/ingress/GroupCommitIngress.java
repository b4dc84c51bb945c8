package org.seamline.core.ingress;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.seamline.api.health.Health;
import org.seamline.api.health.HealthContributor;
import org.seamline.api.ingress.Acceptance;
import org.seamline.api.ingress.Ingress;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.InboundMessage;
import org.seamline.core.intake.SenderCheck;
import org.seamline.store.InboxStore;
import org.seamline.store.StoreFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Ingress} with group commit: concurrent {@link #accept} calls queue up, one writer thread stores them in
 * batches, each caller returns when the transaction holding its message has committed. One flush serves many
 * webhooks, which is how the embedded store keeps up with thousands of messages a second.
 */
@Component(service = {Ingress.class, HealthContributor.class}, configurationPid = "org.seamline.ingress")
@Designate(ocd = IngressConfiguration.class)
public class GroupCommitIngress implements Ingress, HealthContributor {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitIngress.class);
    private static final long IDLE_POLL_MS = 500;

    private final InboxStore inbox;
    private final SenderCheck senders;
    private final int maxBatch;
    private final long commitTimeoutMillis;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private volatile boolean running = true;
    private volatile String lastFailure;
    private final AtomicLong committedMessages = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();

    @Activate
    public GroupCommitIngress(@Reference InboxStore inbox, @Reference SenderCheck senders, IngressConfiguration config) {
        this.inbox = inbox;
        this.senders = senders;
        this.maxBatch = Math.max(1, config.maxBatch());
        this.commitTimeoutMillis = config.commitTimeoutMillis();
        this.queue = new ArrayBlockingQueue<>(Math.max(1, config.queueCapacity()));
        this.writer = new Thread(this::writeLoop, "seamline-inbox-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Lets the writer finish its batch and leave at its next idle poll. No interrupt: an interrupt during file I/O
     * closes the embedded database's file channel.
     */
    @Deactivate
    void stop() throws InterruptedException {
        running = false;
        writer.join(TimeUnit.SECONDS.toMillis(10) + IDLE_POLL_MS);
        failAll(drain(), new IngressUnavailableException("ingress is stopping", null));
    }

    @Override
    public Acceptance accept(InboundMessage message) throws IngressUnavailableException {
        MessageLimits.check(message);
        senders.check(message.from());
        Pending pending = new Pending(message);
        if (!running || !queue.offer(pending)) {
            throw new IngressUnavailableException("the inbox is not accepting messages right now", null);
        }
        try {
            return pending.result.get(commitTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IngressUnavailableException unavailable) {
                throw unavailable;
            }
            throw new IngressUnavailableException("the inbox could not store the message", e.getCause());
        } catch (TimeoutException e) {
            // It may still commit; the provider's retry then gets duplicate=true, so nothing is lost or doubled.
            throw new IngressUnavailableException("the inbox did not commit in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngressUnavailableException("interrupted while waiting for the inbox", e);
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                Pending first = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.error("Inbox writer failed on a batch of {}: {}", batch.size(), StoreFailures.describe(e));
                failAll(batch, new IngressUnavailableException("the inbox failed", e));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        try {
            List<Acceptance> answers = inbox.insert(batch.stream().map(Pending::message).toList());
            commits.incrementAndGet();
            committedMessages.addAndGet(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result.complete(answers.get(i));
            }
            lastFailure = null;
        } catch (SQLException e) {
            lastFailure = StoreFailures.describe(e);
            LOG.warn("Inbox commit of {} messages failed: {}", batch.size(), lastFailure);
            failAll(batch, new IngressUnavailableException("the inbox database is unavailable", e));
        }
    }

    private List<Pending> drain() {
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        return rest;
    }

    private static void failAll(List<Pending> batch, IngressUnavailableException why) {
        batch.forEach(p -> p.result.completeExceptionally(why));
    }

    @Override
    public String name() {
        return "ingress";
    }

    @Override
    public Health health() {
        if (!writer.isAlive()) {
            return Health.down("inbox writer is not running");
        }
        String failure = lastFailure;
        long batches = commits.get();
        String depth = String.format("queued: %d, committed: %d in %d transactions", queue.size(), committedMessages.get(), batches);
        return failure == null ? new Health(Health.State.UP, depth)
                : new Health(Health.State.DEGRADED, depth + ", last commit failed: " + failure);
    }

    private record Pending(InboundMessage message, CompletableFuture<Acceptance> result) {
        Pending(InboundMessage message) {
            this(message, new CompletableFuture<>());
        }
    }
}

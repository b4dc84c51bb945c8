package org.seamline.crm.sync.internal;

import org.apache.camel.builder.RouteBuilder;
import org.seamline.api.crm.CrmChangePolling;
import org.seamline.crm.sync.internal.TaskStore.Task;

/**
 * One connector's routes: every round the due tasks are claimed, split, paced by the Throttle EIP to the rate the
 * connector allows, and run one by one; a polling connector also asks for changes at its own interval. Retries are
 * the task queue's (durable, with backoff), not Camel's redelivery, which would hold a thread and forget on restart.
 */
final class WorkerRoutes extends RouteBuilder {

    private final ConnectorWorker worker;
    private final int batchSize;
    private final long roundMillis;

    WorkerRoutes(ConnectorWorker worker, int batchSize, long roundMillis) {
        this.worker = worker;
        this.batchSize = batchSize;
        this.roundMillis = roundMillis;
    }

    @Override
    public void configure() {
        String name = worker.key().replace('/', '-');
        double perSecond = Math.max(0.01, worker.connector().requestsPerSecond());
        // At least one request per period; below one per second the period stretches instead.
        long requests = Math.max(1, (long) Math.floor(perSecond));
        long periodMillis = perSecond >= 1 ? 1000 : Math.round(1000 / perSecond);

        errorHandler(defaultErrorHandler().logExhausted(true).logExhaustedMessageHistory(false));
        from("timer:crm-" + name + "?delay=" + roundMillis + "&period=" + roundMillis).routeId("crm-" + name + "-work")
                .process(exchange -> exchange.getMessage().setBody(worker.claim(batchSize)))
                .split(body())
                    .throttle(requests).timePeriodMillis(periodMillis)
                    .process(exchange -> worker.execute(exchange.getMessage().getMandatoryBody(Task.class)))
                .end();
        if (worker.connector() instanceof CrmChangePolling polling) {
            long every = Math.max(1000, polling.pollInterval().toMillis());
            from("timer:crm-" + name + "-poll?delay=" + roundMillis + "&period=" + every).routeId("crm-" + name + "-poll")
                    .process(exchange -> worker.poll(polling));
        }
    }
}

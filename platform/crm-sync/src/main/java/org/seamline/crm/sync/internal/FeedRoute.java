package org.seamline.crm.sync.internal;

import org.apache.camel.builder.RouteBuilder;
import org.seamline.api.feed.Change;

/**
 * Reads the durable change feed through the {@code seamline:changes} consumer under the reader name
 * {@code crm-sync}: a change is committed as read only after its work is planned, so CRM sync misses nothing while
 * it is stopped or the store is down.
 */
final class FeedRoute extends RouteBuilder {

    static final String READER = "crm-sync";
    private final Planner planner;

    FeedRoute(Planner planner) {
        this.planner = planner;
    }

    @Override
    public void configure() {
        from("seamline:changes?reader=" + READER).routeId("crm-sync-feed")
                .process(exchange -> planner.plan(exchange.getMessage().getMandatoryBody(Change.class)));
    }
}

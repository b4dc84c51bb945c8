package org.seamline.bitrix24.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs one method call as the portal does after the request is admitted: the method must exist and be in the
 * webhook's scope, and must not be blocked by its operating time; the answer carries the {@code time} block.
 */
final class Calls {

    /** A successful call: the result and, for list methods, {@code next} and {@code total}. */
    record Success(JsonNode result, Integer next, Integer total, ObjectNode time) {
    }

    private final Methods methods;
    private final Operating operating;
    private final StandInClock clock;
    private volatile Set<String> scopes = Set.of("crm", "user");
    private final List<String> log = new CopyOnWriteArrayList<>();

    Calls(Methods methods, Operating operating, StandInClock clock) {
        this.methods = methods;
        this.operating = operating;
        this.clock = clock;
    }

    void scopes(Set<String> scopes) {
        this.scopes = Set.copyOf(scopes);
    }

    List<String> log() {
        return new ArrayList<>(log);
    }

    Success invoke(String name, JsonNode params) {
        String method = name.toLowerCase(Locale.ROOT);
        log.add(method);
        if (!methods.exists(method)) {
            throw new ApiError(404, "ERROR_METHOD_NOT_FOUND", "Method not found!");
        }
        if (!scopes.contains(methods.scope(method))) {
            throw new ApiError(401, "insufficient_scope",
                    "The request requires higher privileges than provided by the webhook token");
        }
        operating.check(method);
        Instant start = clock.now();
        Object result = methods.call(method, params);
        double used = operating.book(method);
        ObjectNode time = time(start, clock.now(), used, operating.resetAt(method));
        if (result instanceof ListQuery.Page page) {
            return new Success(page.result(), page.next(), page.total(), time);
        }
        return new Success((JsonNode) result, null, null, time);
    }

    static ObjectNode time(Instant start, Instant finish, double operating, long resetAt) {
        double from = start.getEpochSecond() + start.getNano() / 1e9;
        double to = finish.getEpochSecond() + finish.getNano() / 1e9;
        return JsonNodeFactory.instance.objectNode().put("start", from).put("finish", to).put("duration", to - from)
                .put("processing", to - from).put("date_start", Dates.format(start)).put("date_finish", Dates.format(finish))
                .put("operating_reset_at", resetAt).put("operating", operating);
    }
}

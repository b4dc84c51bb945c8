package org.seamline.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmException.Kind;

/**
 * Bitrix24's refusals as {@link CrmException} kinds ({@code _includes/system-errors.md}). The system codes decide
 * first; CRM methods often answer an empty code with a description only, so the status decides then. Messages carry
 * the method, status and code, never the description (it may quote the data sent) nor the URL (it holds the code).
 */
final class Failures {

    /** Bitrix24 sends no Retry-After; the bucket frees a slot every half second on most plans. */
    static final Duration QUERY_LIMIT_PAUSE = Duration.ofSeconds(1);
    /** The operating window moves by one-minute baskets; without {@code operating_reset_at} wait one basket. */
    static final Duration OPERATING_PAUSE = Duration.ofMinutes(1);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(10);

    private static final Set<String> CREDENTIALS = Set.of("NO_AUTH_FOUND", "INVALID_CREDENTIALS", "insufficient_scope",
            "user_access_error", "ACCESS_DENIED", "OVERLOAD_LIMIT", "PORTAL_DELETED", "INVALID_REQUEST",
            "invalid_token", "ERROR_METHOD_NOT_FOUND");
    private static final Set<String> SERVER = Set.of("INTERNAL_SERVER_ERROR", "ERROR_UNEXPECTED_ANSWER");
    private static final Set<String> MISSING = Set.of("OWNER_NOT_FOUND", "NOT_FOUND", "ERROR_NOT_FOUND");

    private Failures() {
    }

    /**
     * @param status the HTTP status, or 0 for a command inside {@code batch} (its errors come without one)
     * @param body   the answer, null when it was not JSON
     */
    static CrmException of(String method, int status, JsonNode body, Optional<String> retryAfter, Instant now) {
        String code = body == null ? "" : body.path("error").asText("");
        String description = body == null ? "" : body.path("error_description").asText("");
        String message = "Bitrix24 " + method + ": " + (status == 0 ? "in batch" : "HTTP " + status)
                + (code.isEmpty() ? "" : " " + code);
        if (code.equals("QUERY_LIMIT_EXCEEDED")) {
            return CrmException.rateLimited(Kind.RATE_LIMITED, message, retryAfter.flatMap(Failures::seconds)
                    .orElse(QUERY_LIMIT_PAUSE));
        }
        if (code.equals("OPERATION_TIME_LIMIT") || status == 429) {
            return CrmException.rateLimited(Kind.RATE_LIMITED, message, operatingPause(body, retryAfter, now));
        }
        if (code.equals("expired_token")) {
            return new CrmException(Kind.AUTH_EXPIRED, message);
        }
        if (CREDENTIALS.contains(code) || description.equalsIgnoreCase("Access denied.") || status == 401 || status == 403 || status == 404 && body == null) {
            return new CrmException(Kind.AUTH_INVALID, message);
        }
        if (SERVER.contains(code) || status >= 500) {
            return new CrmException(Kind.TRANSIENT, message);
        }
        if (MISSING.contains(code) || description.equalsIgnoreCase("Not found")) {
            return new CrmException(Kind.NOT_FOUND, message);
        }
        if (status == 400 || status == 0) {
            return new CrmException(Kind.VALIDATION, message);
        }
        return new CrmException(Kind.UNKNOWN, message);
    }

    /** Until the method's oldest booked time leaves the window, as the portal says in {@code time}, else a minute. */
    private static Duration operatingPause(JsonNode body, Optional<String> retryAfter, Instant now) {
        Optional<Duration> header = retryAfter.flatMap(Failures::seconds);
        if (header.isPresent()) {
            return header.get();
        }
        long resetAt = body == null ? 0 : body.path("time").path("operating_reset_at").asLong(0);
        if (resetAt > now.getEpochSecond()) {
            Duration wait = Duration.ofSeconds(resetAt - now.getEpochSecond());
            return wait.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : wait;
        }
        return OPERATING_PAUSE;
    }

    private static Optional<Duration> seconds(String header) {
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds > 0 ? Optional.of(Duration.ofSeconds(Math.min(seconds, LONGEST_PAUSE.toSeconds())))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

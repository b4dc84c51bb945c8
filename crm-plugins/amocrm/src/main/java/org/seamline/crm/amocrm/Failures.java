package org.seamline.crm.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.StringJoiner;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmException.Kind;

/**
 * amoCRM's refusals as {@link CrmException} kinds. Errors are {@code application/problem+json}
 * ({@code title, type, status, detail}, on 400 {@code validation-errors}), read leniently: the status decides, the
 * body only adds validation codes and paths. Messages carry the operation, status and codes, never {@code detail}
 * (it may quote the data sent) nor a token.
 */
final class Failures {

    /** amoCRM sends no Retry-After with 429: its window is one second. */
    static final Duration RATE_LIMIT_PAUSE = Duration.ofSeconds(1);
    /** A 403 after too many requests blocks the address for a while; probing sooner only prolongs it. */
    static final Duration BLOCKED_PAUSE = Duration.ofMinutes(15);
    private static final Duration LONGEST_PAUSE = Duration.ofHours(1);

    private Failures() {
    }

    /** @param body the answer when it was JSON, else null */
    static CrmException of(String operation, int status, JsonNode body, Optional<String> retryAfter) {
        String message = "amoCRM " + operation + ": HTTP " + status + codes(body);
        if (status == 429) {
            return CrmException.rateLimited(Kind.RATE_LIMITED, message, seconds(retryAfter).orElse(RATE_LIMIT_PAUSE));
        }
        if (status == 403) {
            return CrmException.rateLimited(Kind.QUOTA_EXHAUSTED, message + " (access refused: amoCRM blocks an "
                    + "address that exceeded the limit repeatedly; or the user lacks the permission)",
                    seconds(retryAfter).orElse(BLOCKED_PAUSE));
        }
        if (status == 401) {
            return new CrmException(Kind.AUTH_INVALID, message + " (the token was refused)");
        }
        if (status == 402) {
            return new CrmException(Kind.AUTH_INVALID, message + " (the account's subscription has expired)");
        }
        if (status >= 500) {
            return new CrmException(Kind.TRANSIENT, message);
        }
        if (status == 404) {
            return new CrmException(Kind.NOT_FOUND, message);
        }
        if (status == 400 || status == 422) {
            return new CrmException(Kind.VALIDATION, message);
        }
        return new CrmException(Kind.UNKNOWN, message);
    }

    /** The validation codes and paths, e.g. {@code NotSupportedChoice at note_type}: names of fields, not values. */
    private static String codes(JsonNode body) {
        if (body == null) {
            return "";
        }
        StringJoiner codes = new StringJoiner(", ", " ", "").setEmptyValue("");
        for (JsonNode item : body.path("validation-errors")) {
            for (JsonNode error : item.path("errors")) {
                String code = safe(error.path("code").asText(""));
                String path = safe(error.path("path").asText(""));
                if (!code.isEmpty()) {
                    codes.add(path.isEmpty() ? code : code + " at " + path);
                }
            }
        }
        String hint = body.path("hint").asText("");
        if (codes.length() == 0 && !hint.isEmpty() && hint.length() <= 80) {
            codes.add("(" + safe(hint) + ")");
        }
        return codes.toString();
    }

    /** Codes and paths are identifiers; anything else is dropped rather than echoed. */
    private static String safe(String text) {
        return text.matches("[A-Za-z0-9_.\\[\\] -]{1,80}") ? text : "";
    }

    private static Optional<Duration> seconds(Optional<String> header) {
        try {
            return header.map(String::strip).map(Long::parseLong).filter(s -> s > 0)
                    .map(s -> Duration.ofSeconds(Math.min(s, LONGEST_PAUSE.toSeconds())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

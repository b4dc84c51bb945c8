package org.seamline.crm.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmException.Kind;

/**
 * HubSpot's refusals as {@link CrmException} kinds (error-handling guide; every body field is optional). Messages
 * carry the operation, status, category or policy and the correlation id HubSpot support asks for, never HubSpot's
 * message text, which may quote the data sent (an e-mail address in a 400 or a 409).
 */
final class Failures {

    static final Duration TEN_SECONDLY_PAUSE = Duration.ofSeconds(10);
    static final Duration SECONDLY_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_HEADER_PAUSE = Duration.ofHours(1);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.-]{1,80}");
    private static final Pattern EXISTING_ID = Pattern.compile("Existing ID:\\s*(\\d+)");

    private Failures() {
    }

    /**
     * @param body the answer, null when it was not JSON
     * @param zone where the daily limit resets at midnight
     */
    static CrmException of(String operation, int status, JsonNode body, Optional<String> retryAfter, Instant now,
                           ZoneId zone) {
        String category = text(body, "category");
        String policy = text(body, "policyName");
        String correlation = text(body, "correlationId");
        String message = "HubSpot " + operation + ": HTTP " + status
                + (policy != null ? " " + policy : category != null ? " " + category : "")
                + (correlation != null ? " (correlationId " + correlation + ")" : "");
        Optional<Duration> header = retryAfter.flatMap(Failures::seconds);
        if (status == 429) {
            if ("DAILY".equals(policy)) {
                return CrmException.rateLimited(Kind.QUOTA_EXHAUSTED, message,
                        header.orElseGet(() -> untilMidnight(now, zone)));
            }
            Duration pause = "SECONDLY".equals(policy) ? SECONDLY_PAUSE : TEN_SECONDLY_PAUSE;
            return CrmException.rateLimited(Kind.RATE_LIMITED, message, header.orElse(pause));
        }
        if (status == 401) {
            return new CrmException(Kind.AUTH_INVALID, message + ": the access token is wrong or was revoked");
        }
        if (status == 403) {
            return new CrmException(Kind.AUTH_INVALID, "MISSING_SCOPES".equals(category)
                    ? message + ": the app lacks a scope; grant " + scopes(body) + " and install it again"
                    : message + ": the token may not do this");
        }
        if (status == 409) {
            Matcher id = EXISTING_ID.matcher(body == null ? "" : body.path("message").asText(""));
            return CrmException.conflict(message, id.find() ? id.group(1) : null);
        }
        if (status == 404) {
            return new CrmException(Kind.NOT_FOUND, message);
        }
        if (status == 477 || status == 408 || status >= 500) {
            return new CrmException(Kind.TRANSIENT, message);
        }
        if (status >= 400 && status < 500) {
            return new CrmException(Kind.VALIDATION, message);
        }
        return new CrmException(Kind.UNKNOWN, message);
    }

    /** The scopes HubSpot names as required, or the ones this connector needs. */
    private static String scopes(JsonNode body) {
        StringBuilder named = new StringBuilder();
        if (body != null) {
            for (JsonNode error : body.path("errors")) {
                error.path("context").path("requiredGranularScopes").forEach(s -> {
                    if (IDENTIFIER.matcher(s.asText("")).matches()) {
                        named.append(named.isEmpty() ? "" : ", ").append(s.asText());
                    }
                });
            }
        }
        return named.isEmpty() ? "the scopes listed in the connector's README" : named.toString();
    }

    static Duration untilMidnight(Instant now, ZoneId zone) {
        ZonedDateTime midnight = now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone);
        return Duration.between(now, midnight.toInstant());
    }

    private static Optional<Duration> seconds(String header) {
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds > 0 ? Optional.of(Duration.ofSeconds(Math.min(seconds, LONGEST_HEADER_PAUSE.toSeconds())))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A category, policy or correlation id: an identifier; anything else is dropped rather than echoed. */
    private static String text(JsonNode body, String field) {
        String value = body == null ? "" : body.path(field).asText("");
        return IDENTIFIER.matcher(value).matches() ? value : null;
    }
}

package org.seamline.api.crm;

import java.time.Duration;
import java.util.Optional;

/**
 * A CRM call failed. The kind decides what the platform does: retry later, re-authenticate, give up on this item,
 * or raise the connector's health. Messages name the operation and the CRM's error code, never a token or
 * personal data, because they are logged and shown to admins.
 */
public class CrmException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The access token expired and refreshing it failed; retried later, the connector reports DOWN meanwhile. */
        AUTH_EXPIRED,
        /** Credentials are wrong or lack a permission: not retried until an admin fixes the configuration. */
        AUTH_INVALID,
        NOT_FOUND,
        /** The record exists already; {@link #existingId()} names it. */
        CONFLICT,
        /** The CRM refused the data: this item is set aside, others go on. */
        VALIDATION,
        /** Too many requests: retried after {@link #retryAfter()}, and the connector is paused until then. */
        RATE_LIMITED,
        /** A daily quota is used up: retried after {@link #retryAfter()}. */
        QUOTA_EXHAUSTED,
        /** 5xx, timeouts, connection refused: retried with backoff. */
        TRANSIENT,
        UNKNOWN
    }

    private final Kind kind;
    private final transient Duration retryAfter;
    private final String existingId;

    public CrmException(Kind kind, String message) {
        this(kind, message, null, null, null);
    }

    public CrmException(Kind kind, String message, Throwable cause) {
        this(kind, message, null, null, cause);
    }

    private CrmException(Kind kind, String message, Duration retryAfter, String existingId, Throwable cause) {
        super(message, cause);
        this.kind = kind == null ? Kind.UNKNOWN : kind;
        this.retryAfter = retryAfter;
        this.existingId = existingId;
    }

    /** Too many requests, or a quota used up: come back after {@code retryAfter} (from the vendor's headers when it sends them). */
    public static CrmException rateLimited(Kind kind, String message, Duration retryAfter) {
        return new CrmException(kind, message, retryAfter, null, null);
    }

    public static CrmException conflict(String message, String existingId) {
        return new CrmException(Kind.CONFLICT, message, null, existingId, null);
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public Optional<String> existingId() {
        return Optional.ofNullable(existingId);
    }

    /** Whether trying the same call later can succeed. */
    public boolean retryable() {
        return kind == Kind.RATE_LIMITED || kind == Kind.QUOTA_EXHAUSTED || kind == Kind.TRANSIENT
                || kind == Kind.AUTH_EXPIRED || kind == Kind.UNKNOWN;
    }
}

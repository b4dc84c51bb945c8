package org.seamline.twilio.standin;

/** How message status callbacks are delivered: Twilio promises neither order nor exactly-once. */
public enum CallbackMode {
    /** queued, sent, delivered... one after the other, each once. */
    IN_ORDER,
    /** The same callbacks in a random order. */
    SHUFFLED,
    /** Each callback twice in a row, the second a redelivery with the same idempotency token. */
    DUPLICATED,
    /** No callbacks at all; the message resource still moves to its final status. */
    NONE
}

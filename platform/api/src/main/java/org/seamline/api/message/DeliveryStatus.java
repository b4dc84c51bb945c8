package org.seamline.api.message;

/**
 * Where an outbound message is on its way. Statuses only move forward by rank; {@link #FAILED} and
 * {@link #UNDELIVERED} are terminal, so a late "sent" callback never overwrites a "read".
 */
public enum DeliveryStatus {
    QUEUED(0, false),
    SENT(1, false),
    DELIVERED(2, false),
    READ(3, false),
    UNDELIVERED(4, true),
    FAILED(4, true);

    private final int rank;
    private final boolean terminal;

    DeliveryStatus(int rank, boolean terminal) {
        this.rank = rank;
        this.terminal = terminal;
    }

    public boolean isTerminal() {
        return terminal;
    }

    /** The status after {@code update} arrives while the message is in this one. */
    public DeliveryStatus merge(DeliveryStatus update) {
        if (terminal || update == null) {
            return this;
        }
        return update.rank > rank ? update : this;
    }
}

package org.seamline.crm.hubspot;

import org.seamline.api.crm.CrmException;
import org.seamline.api.health.Health;

/**
 * The instance's health from its latest call, and the daily budget HubSpot reports in its rate headers: when less
 * than a tenth of the day's requests is left the connector shows DEGRADED, so an admin sees it before the stop.
 * A refusal of the data (a missing record, invalid fields) says nothing about the connection.
 */
final class CallHealth {

    private volatile Health health = Health.up();
    /** The low-budget detail from the latest answer that had daily headers, or null. */
    private volatile String lowBudget;

    Health current() {
        return health;
    }

    /**
     * @param dailyRemaining from {@code X-HubSpot-RateLimit-Daily-Remaining}, or -1 when absent (search, OAuth)
     * @param daily          from {@code X-HubSpot-RateLimit-Daily}, or -1
     */
    void succeeded(long dailyRemaining, long daily) {
        if (dailyRemaining >= 0 && daily > 0) {
            lowBudget = dailyRemaining * 10 < daily
                    ? "daily API budget low: " + dailyRemaining + " of " + daily + " requests left" : null;
        }
        String low = lowBudget;
        health = low == null ? Health.up() : new Health(Health.State.DEGRADED, low);
    }

    void failed(CrmException e) {
        switch (e.kind()) {
            case AUTH_EXPIRED, AUTH_INVALID -> health = Health.down(e.getMessage());
            case RATE_LIMITED, QUOTA_EXHAUSTED -> health = new Health(Health.State.DEGRADED, e.getMessage());
            case TRANSIENT, UNKNOWN -> health = Health.down(e.getMessage());
            default -> {
                // about the data, not the connection
            }
        }
    }
}

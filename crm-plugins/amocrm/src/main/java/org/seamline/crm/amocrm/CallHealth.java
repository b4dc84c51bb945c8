package org.seamline.crm.amocrm;

import org.seamline.api.crm.CrmException;
import org.seamline.api.health.Health;

/**
 * The instance's health from its latest call: a refusal of the data (a missing contact, invalid fields) says
 * nothing about the connection and leaves it as it was.
 */
final class CallHealth {

    private volatile Health health = Health.up();

    Health current() {
        return health;
    }

    void succeeded() {
        health = Health.up();
    }

    void failed(CrmException e) {
        switch (e.kind()) {
            case AUTH_EXPIRED, AUTH_INVALID -> health = Health.down(e.getMessage());
            case QUOTA_EXHAUSTED -> health = Health.down(e.getMessage());
            case RATE_LIMITED -> health = new Health(Health.State.DEGRADED, e.getMessage());
            case TRANSIENT, UNKNOWN -> health = Health.down(e.getMessage());
            default -> {
                // about the data, not the connection
            }
        }
    }
}

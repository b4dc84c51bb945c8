package org.seamline.crm.sync;

import java.time.Instant;
import org.seamline.api.health.Health;

/**
 * One enabled CRM connector: its health, how much work waits and has failed, and until when it is paused after the
 * CRM asked to slow down or stopped answering (null when it is not).
 */
public record ConnectorState(String crm, String instance, Health health, long due, long failed, Instant pausedUntil) {
}

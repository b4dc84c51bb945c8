package org.seamline.twilio.standin;

import java.util.ArrayList;
import java.util.List;

/** How an accepted message ends: its final status, the error code that goes with it, and the statuses on the way. */
record Outcome(String finalStatus, Integer errorCode) {

    static final Outcome DELIVERED = new Outcome("delivered", null);
    static final Outcome OUTSIDE_WHATSAPP_WINDOW = new Outcome("undelivered", 63016);

    /** The statuses Twilio reports, in order (§A.5); WhatsApp adds {@code read} after {@code delivered}. */
    List<String> lifecycle(boolean whatsApp) {
        List<String> statuses = new ArrayList<>(List.of("queued"));
        switch (finalStatus) {
            case "queued" -> { }
            case "failed" -> statuses.add("failed");
            case "read" -> statuses.addAll(List.of("sent", "delivered", "read"));
            case "delivered" -> {
                statuses.addAll(List.of("sent", "delivered"));
                if (whatsApp) {
                    statuses.add("read");
                }
            }
            default -> {
                statuses.add("sent");
                if (!"sent".equals(finalStatus)) {
                    statuses.add(finalStatus);
                }
            }
        }
        return statuses;
    }

    boolean failed() {
        return "failed".equals(finalStatus) || "undelivered".equals(finalStatus);
    }
}

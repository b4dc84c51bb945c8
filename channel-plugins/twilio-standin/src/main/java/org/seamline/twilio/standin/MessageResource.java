package org.seamline.twilio.standin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Message resource as {@code GET .../Messages/SM….json} shows it; its status moves as the delivery progresses. */
final class MessageResource {

    final CreatedMessage message;
    final String accountSid;
    private final Instant created;
    private String status;
    private Instant updated;
    private Instant sent;
    private Integer errorCode;

    MessageResource(CreatedMessage message, String accountSid, String initialStatus, Instant created) {
        this.message = message;
        this.accountSid = accountSid;
        this.status = initialStatus;
        this.created = created;
        this.updated = created;
    }

    synchronized void moveTo(String newStatus, Integer newErrorCode, Instant at) {
        status = newStatus;
        errorCode = newErrorCode;
        updated = at;
        if (sent == null && !"queued".equals(newStatus) && !"accepted".equals(newStatus)) {
            sent = at;
        }
    }

    synchronized Map<String, Object> json() {
        String uri = "/2010-04-01/Accounts/" + accountSid + "/Messages/" + message.sid();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", accountSid);
        json.put("api_version", TwilioStandIn.API_VERSION);
        json.put("body", message.body() == null ? "" : message.body());
        json.put("date_created", TwilioDates.rfc2822(created));
        json.put("date_sent", TwilioDates.rfc2822(sent));
        json.put("date_updated", TwilioDates.rfc2822(updated));
        json.put("direction", "outbound-api");
        json.put("error_code", errorCode);
        json.put("error_message", null);
        json.put("from", message.from());
        json.put("messaging_service_sid", message.messagingServiceSid());
        json.put("num_media", String.valueOf(message.mediaUrls().size()));
        json.put("num_segments", String.valueOf(segments(message.body())));
        json.put("price", null);
        json.put("price_unit", "USD");
        json.put("sid", message.sid());
        json.put("status", status);
        json.put("subresource_uris", Map.of("media", uri + "/Media.json"));
        json.put("to", message.to());
        json.put("uri", uri + ".json");
        return json;
    }

    /** SMS segments: 160 GSM characters alone or 153 when concatenated; any other character means UCS-2 (70/67). */
    static int segments(String body) {
        if (body == null || body.isEmpty()) {
            return 1;
        }
        boolean gsm = body.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n' || c == '\r');
        int single = gsm ? 160 : 70;
        int part = gsm ? 153 : 67;
        int length = body.length();
        return length <= single ? 1 : (length + part - 1) / part;
    }
}

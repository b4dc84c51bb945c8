package org.seamline.twilio.standin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Call resource of an accepted {@code POST .../Calls.json}; it stays {@code queued}. */
final class CallResource {

    final CreatedCall call;
    private final String accountSid;
    private final Instant created;

    CallResource(CreatedCall call, String accountSid, Instant created) {
        this.call = call;
        this.accountSid = accountSid;
        this.created = created;
    }

    Map<String, Object> json() {
        String uri = "/2010-04-01/Accounts/" + accountSid + "/Calls/" + call.sid();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", accountSid);
        json.put("annotation", null);
        json.put("answered_by", null);
        json.put("api_version", TwilioStandIn.API_VERSION);
        json.put("caller_name", null);
        json.put("date_created", TwilioDates.rfc2822(created));
        json.put("date_updated", TwilioDates.rfc2822(created));
        json.put("direction", "outbound-api");
        json.put("duration", null);
        json.put("end_time", null);
        json.put("forwarded_from", null);
        json.put("from", call.from());
        json.put("from_formatted", call.from());
        json.put("group_sid", null);
        json.put("parent_call_sid", null);
        json.put("phone_number_sid", "PN" + call.sid().substring(2));
        json.put("price", null);
        json.put("price_unit", "USD");
        json.put("queue_time", "0");
        json.put("sid", call.sid());
        json.put("start_time", null);
        json.put("status", "queued");
        json.put("subresource_uris", Map.of(
                "notifications", uri + "/Notifications.json",
                "recordings", uri + "/Recordings.json",
                "events", uri + "/Events.json"));
        json.put("to", call.to());
        json.put("to_formatted", call.to());
        json.put("trunk_sid", null);
        json.put("uri", uri + ".json");
        return json;
    }
}

package org.seamline.twilio.standin;

import java.util.List;
import java.util.Map;

/** A {@code POST .../Calls.json} the stand-in accepted. The stand-in does not place the call. */
public record CreatedCall(String sid, String to, String from, String url, String twiml, String statusCallback,
        Map<String, List<String>> form) {

    public CreatedCall {
        form = Map.copyOf(form);
    }
}

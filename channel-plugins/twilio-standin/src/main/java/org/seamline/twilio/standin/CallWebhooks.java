package org.seamline.twilio.standin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The requests Twilio makes for one inbound call: all signed, all with the standard call parameters (§A.6). */
final class CallWebhooks {

    private final Webhooks webhooks;
    private final Map<String, String> callParams = new LinkedHashMap<>();
    private final List<Delivery> requests = new ArrayList<>();
    private int sequenceNumber;

    CallWebhooks(Webhooks webhooks, String accountSid, String callSid, String from, String to) {
        this.webhooks = webhooks;
        callParams.put("CallSid", callSid);
        callParams.put("AccountSid", accountSid);
        callParams.put("From", from);
        callParams.put("To", to);
        callParams.put("Caller", from);
        callParams.put("Called", to);
        callParams.put("Direction", "inbound");
        callParams.put("ApiVersion", TwilioStandIn.API_VERSION);
    }

    /** A TwiML request: the answer is checked as TwiML. */
    Delivery request(String url, String method, Map<String, String> extra, String callStatus) {
        Map<String, String> params = params(callStatus);
        params.putAll(extra);
        Delivery delivery = webhooks.client.send(method, url, params, Signing.VALID, true);
        requests.add(delivery);
        return delivery;
    }

    /** The call status callback {@code completed} (§A.8), numbered from 0 for this call. */
    void completed(String statusCallbackUrl, Instant answeredAt, Instant endedAt) {
        long seconds = Duration.between(answeredAt, endedAt).toSeconds();
        Map<String, String> params = params("completed");
        params.put("CallDuration", String.valueOf(seconds));
        params.put("Duration", String.valueOf((seconds + 59) / 60));
        params.put("Timestamp", TwilioDates.rfc2822(endedAt));
        params.put("CallbackSource", "call-progress-events");
        params.put("SequenceNumber", String.valueOf(sequenceNumber++));
        webhooks.callback(statusCallbackUrl, params, UUID.randomUUID().toString());
    }

    /** Posts the recording status and transcription callbacks in the background; null URLs are skipped. */
    void recordingCallbacksLater(RecordingCallbacks.Recording recording, String statusUrl, String transcribeUrl) {
        new RecordingCallbacks(webhooks, params("in-progress")).sendLater(recording, statusUrl, transcribeUrl);
    }

    Map<String, String> params(String callStatus) {
        Map<String, String> params = new LinkedHashMap<>(callParams);
        params.put("CallStatus", callStatus);
        return params;
    }

    List<Delivery> requests() {
        return List.copyOf(requests);
    }
}

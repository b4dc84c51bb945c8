package org.seamline.twilio.standin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The asynchronous callbacks after a {@code <Record>} (§A.7): the recording status, then the transcription.
 * They arrive after the Record action, as with Twilio, where the file may not be ready when the action runs.
 */
final class RecordingCallbacks {

    record Recording(String sid, String url, int seconds, Instant startedAt, String transcript) {
    }

    private final Webhooks webhooks;
    private final Map<String, String> callParams;

    RecordingCallbacks(Webhooks webhooks, Map<String, String> callParams) {
        this.webhooks = webhooks;
        this.callParams = Map.copyOf(callParams);
    }

    /** Either URL may be null: that callback is not configured. */
    void sendLater(Recording recording, String statusUrl, String transcribeUrl) {
        if (statusUrl == null && transcribeUrl == null) {
            return;
        }
        webhooks.later(() -> {
            if (statusUrl != null) {
                webhooks.callback(statusUrl, status(recording), UUID.randomUUID().toString());
            }
            if (transcribeUrl != null) {
                webhooks.callback(transcribeUrl, transcription(recording), UUID.randomUUID().toString());
            }
        });
    }

    private Map<String, String> status(Recording recording) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", callParams.get("AccountSid"));
        params.put("CallSid", callParams.get("CallSid"));
        params.put("RecordingSid", recording.sid());
        params.put("RecordingUrl", recording.url());
        params.put("RecordingStatus", "completed");
        params.put("RecordingDuration", String.valueOf(recording.seconds()));
        params.put("RecordingChannels", "1");
        params.put("RecordingSource", "RecordVerb");
        params.put("RecordingStartTime", TwilioDates.rfc2822(recording.startedAt()));
        return params;
    }

    /** A null transcript is a failed transcription (e.g. nothing intelligible was said). */
    private Map<String, String> transcription(Recording recording) {
        Map<String, String> params = new LinkedHashMap<>(callParams);
        String transcriptionSid = Sids.next("TR");
        params.put("TranscriptionSid", transcriptionSid);
        params.put("TranscriptionStatus", recording.transcript() == null ? "failed" : "completed");
        if (recording.transcript() != null) {
            params.put("TranscriptionText", recording.transcript());
        }
        params.put("TranscriptionUrl", recording.url().replaceFirst("/Recordings/.*$", "/Transcriptions/" + transcriptionSid));
        params.put("RecordingSid", recording.sid());
        params.put("RecordingUrl", recording.url());
        return params;
    }
}

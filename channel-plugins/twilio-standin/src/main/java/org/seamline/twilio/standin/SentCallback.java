package org.seamline.twilio.standin;

import java.util.Map;

/**
 * An asynchronous callback the stand-in posted (message status, recording status, transcription, call status),
 * with the answer it got.
 */
public record SentCallback(String url, Map<String, String> params, Delivery delivery) {

    public SentCallback {
        params = Map.copyOf(params);
    }
}

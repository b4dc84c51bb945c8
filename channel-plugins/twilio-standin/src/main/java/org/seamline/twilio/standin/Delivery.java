package org.seamline.twilio.standin;

/**
 * What happened to one simulated webhook request.
 *
 * @param status           the HTTP status of the answer, 0 when no answer came (connection failure, timeout)
 * @param contentType      the answer's {@code Content-Type}, or null
 * @param body             the answer's body as UTF-8 text, or null
 * @param attempts         1, or 2 when the first attempt failed to connect and was retried
 * @param idempotencyToken the {@code I-Twilio-Idempotency-Token} sent (the same on every attempt)
 * @param twimlError       null when Twilio would accept the answer, else the Twilio debugger error it would
 *                         log, code first (e.g. {@code "12300 Invalid Content-Type: text/plain"})
 */
public record Delivery(int status, String contentType, String body, int attempts, String idempotencyToken,
        String twimlError) {

    /** True when Twilio would count the answer as a success: 2xx and, for TwiML requests, valid TwiML. */
    public boolean accepted() {
        return status >= 200 && status < 300 && twimlError == null;
    }
}

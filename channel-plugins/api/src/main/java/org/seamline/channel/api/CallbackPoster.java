package org.seamline.channel.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.seamline.api.channel.SendException;
import org.seamline.api.channel.SendResult;
import org.seamline.api.message.DeliveryStatus;
import org.seamline.api.message.OutboundMessage;
import org.seamline.core.http.Json;
import org.seamline.core.http.RetryAfter;

/**
 * One attempt to POST an outbound message to the instance's callback URL, signed like inbound requests and
 * carrying {@code Idempotency-Key}, bounded by the connect and read timeout. A failure says whether another attempt
 * can help: timeouts, connection failures, 408, 429 and 5xx can (with the receiver's {@code Retry-After}, if any);
 * other answers are a refusal. HttpURLConnection on purpose: it keeps no per-client threads, so an undeployed
 * plugin leaves none behind.
 */
final class CallbackPoster {

    private static final int MAX_ANSWER_BYTES = 16_384;

    private final Supplier<ApiChannelSettings> settings;

    CallbackPoster(Supplier<ApiChannelSettings> settings) {
        this.settings = settings;
    }

    SendResult post(OutboundMessage message) throws SendException {
        ApiChannelSettings current = settings.get();
        if (current.callbackUrl() == null) {
            throw new SendException("this API channel instance has no callbackUrl", false);
        }
        byte[] body = serialise(message);
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) current.callbackUrl().toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setConnectTimeout(current.callbackTimeoutMillis());
            connection.setReadTimeout(current.callbackTimeoutMillis());
            connection.setInstanceFollowRedirects(false);
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty(Signature.HEADER, current.signature().sign(body));
            connection.setRequestProperty("Idempotency-Key", message.idempotencyKey());
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            if (status >= 200 && status < 300) {
                return new SendResult(providerId(connection), DeliveryStatus.SENT);
            }
            if (status == 408 || status == 429 || status >= 500) {
                String failure = "callback answered " + status;
                Optional<Duration> wait = RetryAfter.parse(connection.getHeaderField("Retry-After"));
                throw wait.isPresent() ? new SendException(failure, wait.get(), null) : new SendException(failure, true);
            }
            throw new SendException("callback refused the message with " + status, false);
        } catch (IOException e) {
            throw new SendException("callback failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), true, e);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static byte[] serialise(OutboundMessage message) throws SendException {
        try {
            return Json.mapper().writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new SendException("message cannot be written as JSON", false, e);
        }
    }

    /** The receiver may answer {@code {"id": "..."}}: its id for the message, used to match later status callbacks. */
    private static String providerId(HttpURLConnection connection) {
        try (InputStream in = connection.getInputStream()) {
            byte[] answer = in.readNBytes(MAX_ANSWER_BYTES);
            if (answer.length == 0) {
                return null;
            }
            JsonNode id = Json.mapper().readTree(answer).get("id");
            return id != null && id.isTextual() ? id.asText() : null;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }
}

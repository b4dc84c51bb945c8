package org.seamline.hubspot.standin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.seamline.crm.contract.NotificationSender;

/**
 * The app's webhook subscriptions: contact events as a JSON array POSTed to the target URL, signed v3
 * ({@code X-HubSpot-Signature-v3} = base64 HMAC-SHA256 of method + URL + body + timestamp with the app's client
 * secret) and v1 (legacy). Sent in the background, once each; tests can also build a request to hand over directly.
 */
public final class Webhooks implements AutoCloseable {

    static final ObjectMapper MAPPER = new ObjectMapper();
    public static final long PORTAL_ID = 62515;
    public static final long APP_ID = 1160452;

    /** A request as HubSpot sends it: what a receiver gets. Header names as HubSpot writes them. */
    public record Delivery(String method, String url, Map<String, String> headers, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One POST the sender made, and the receiver's status (0 when it could not be reached). */
    public record Sent(Delivery delivery, int status) {
    }

    private final String clientSecret;
    private final StandInClock clock;
    private final AtomicLong eventIds = new AtomicLong(100);
    private final NotificationSender sender = new NotificationSender("hubspot-standin-webhooks");
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile URI target;

    Webhooks(String clientSecret, StandInClock clock) {
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** The target URL set in the app's webhook settings; null stops sending. */
    public void sendTo(URI target) {
        this.target = target;
    }

    public List<Sent> sent() {
        return new ArrayList<>(sent);
    }

    /** A batch of one contact event, signed for {@code url} now. */
    public Delivery contactEvent(String url, String subscriptionType, String contactId) {
        return signed(url, body(subscriptionType, contactId, null, null, eventIds.incrementAndGet()),
                clock.now().toEpochMilli(), clientSecret);
    }

    /** The JSON array body of one event; {@code eventId} as given, so a test can redeliver an event. */
    public String body(String subscriptionType, String contactId, String propertyName, String propertyValue,
                       long eventId) {
        ArrayNode events = MAPPER.createArrayNode();
        ObjectNode event = events.addObject().put("eventId", eventId).put("subscriptionId", 2_801_447)
                .put("portalId", PORTAL_ID).put("appId", APP_ID).put("occurredAt", clock.now().toEpochMilli())
                .put("subscriptionType", subscriptionType).put("attemptNumber", 0)
                .put("objectId", Long.parseLong(contactId)).put("changeSource", "CRM_UI").put("sourceId", "userId:7");
        if (propertyName != null) {
            event.put("propertyName", propertyName).put("propertyValue", propertyValue == null ? "" : propertyValue);
        }
        return events.toString();
    }

    /** Any body, signed at any time with any secret: for forged and replayed requests. */
    public Delivery signed(String url, String body, long timestampMillis, String secret) {
        String timestamp = String.valueOf(timestampMillis);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-HubSpot-Request-Timestamp", timestamp);
        headers.put("X-HubSpot-Signature-v3", signatureV3(secret, "POST", url, body, timestamp));
        headers.put("X-HubSpot-Signature", sha256Hex(secret + body));
        headers.put("X-HubSpot-Signature-Version", "v1");
        return new Delivery("POST", url, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** HubSpot's v3 scheme, over the URL as HubSpot called it. */
    public static String signatureV3(String secret, String method, String url, String body, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] source = (method + url + body + timestamp).getBytes(StandardCharsets.UTF_8);
            return Base64.getEncoder().encodeToString(mac.doFinal(source));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    void fire(Account.ContactEvent event) {
        URI to = target;
        if (to == null) {
            return;
        }
        String body = body(event.subscriptionType(), event.objectId(), event.propertyName(), event.propertyValue(),
                eventIds.incrementAndGet());
        Delivery delivery = signed(to.toString(), body, clock.now().toEpochMilli(), clientSecret);
        sender.post(to, delivery.headers(), delivery.body(), status -> sent.add(new Sent(delivery, status)));
    }

    @Override
    public void close() {
        sender.close();
    }
}

package org.seamline.channel.api;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.seamline.api.ingress.Acceptance;
import org.seamline.api.ingress.Ingress;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.InboundMessage;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.http.PayloadTooLargeException;
import org.seamline.core.http.RequestBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /hooks/api/<instance>/messages}. Order matters: size limit, signature, parse, then the durable
 * insert; the 2xx goes out only after the inbox committed, and a refused request stores nothing.
 */
final class WebhookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookServlet.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final String instance;
    private final transient Ingress ingress;
    private final transient Supplier<ApiChannelSettings> settings;

    WebhookServlet(String instance, Ingress ingress, Supplier<ApiChannelSettings> settings) {
        this.instance = instance;
        this.ingress = ingress;
        this.settings = settings;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/messages".equals(request.getPathInfo())) {
            JsonResponses.error(response, 404, "not_found", "post messages to /hooks/api/" + instance + "/messages");
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            JsonResponses.error(response, 405, "method_not_allowed", "only POST is accepted here");
            return;
        }
        receive(request, response);
    }

    private void receive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiChannelSettings current = settings.get();
        byte[] body;
        try {
            body = RequestBodies.read(request, current.maxBodyBytes());
        } catch (PayloadTooLargeException e) {
            JsonResponses.tooLarge(response, e);
            return;
        }
        String signature = request.getHeader(Signature.HEADER);
        if (signature == null || signature.isBlank()) {
            JsonResponses.error(response, 401, "signature_missing", Signature.HEADER + " header is required");
            return;
        }
        if (!current.signature().verifies(body, signature)) {
            JsonResponses.error(response, 403, "signature_invalid", Signature.HEADER + " does not match the body");
            return;
        }
        InboundMessage message;
        try {
            message = InboundMessageParser.parse(body, instance);
        } catch (InvalidMessageException e) {
            JsonResponses.error(response, 400, "invalid_message", e.getMessage());
            return;
        }
        try {
            Acceptance acceptance = ingress.accept(message);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("interactionId", acceptance.interactionId());
            answer.put("duplicate", acceptance.duplicate());
            JsonResponses.write(response, acceptance.duplicate() ? 200 : 201, answer);
        } catch (IllegalArgumentException e) {
            JsonResponses.error(response, 400, "invalid_message", e.getMessage());
        } catch (IngressUnavailableException e) {
            LOG.warn("API channel {}: message {} not accepted: {}", instance, message.providerMessageId(), e.getMessage());
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            JsonResponses.error(response, 503, "unavailable", "the message was not stored; retry later");
        }
    }
}

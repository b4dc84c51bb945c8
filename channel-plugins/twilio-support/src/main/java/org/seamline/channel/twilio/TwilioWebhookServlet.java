package org.seamline.channel.twilio;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.function.Supplier;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.core.http.PayloadTooLargeException;
import org.seamline.core.http.RequestBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door of every Twilio webhook of one channel instance, {@code /hooks/<channel>/<instance>/<endpoint>}. In this
 * order: a known endpoint, POST, a bounded body, a valid signature over the public URL; only then does the channel
 * handle it. A refused request changes nothing. When the store is down Twilio gets a 503 and delivers again later.
 */
public abstract class TwilioWebhookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TwilioWebhookServlet.class);
    /** Twilio's own limit is 64 kB of TwiML out; inbound forms are far smaller, even with ten media URLs. */
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final String channel;
    private final String instance;
    private final Set<String> endpoints;
    private final transient Supplier<WebhookKeys> keys;

    /**
     * @param endpoints the last path segments this instance serves, e.g. {@code inbound} and {@code status}
     */
    protected TwilioWebhookServlet(String channel, String instance, Set<String> endpoints, Supplier<WebhookKeys> keys) {
        this.channel = channel;
        this.instance = instance;
        this.endpoints = Set.copyOf(endpoints);
        this.keys = keys;
    }

    /** The pattern to register the servlet under. */
    public static String pattern(String channel, String instance) {
        return "/hooks/" + channel + "/" + instance + "/*";
    }

    @Override
    protected final void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String endpoint = path == null || path.length() < 2 ? "" : path.substring(1);
        if (!endpoints.contains(endpoint)) {
            refuse(request, response, 404);
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            refuse(request, response, 405);
            return;
        }
        TwilioWebhook hook;
        try {
            hook = TwilioWebhook.read(request, MAX_BODY_BYTES);
        } catch (PayloadTooLargeException e) {
            refuse(request, response, 413);
            return;
        }
        WebhookKeys current = keys.get();
        String url = current.publicBaseUrl().urlOf(request);
        if (!hook.signedBy(current.authToken(), url)) {
            // The URL and parameter names help an operator spot a wrong publicBaseUrl; values and token stay out.
            LOG.warn("{} {}: refused a webhook with a missing or wrong X-Twilio-Signature for {} (parameters {})",
                    channel, instance, url, hook.params().keySet());
            refuse(request, response, 403);
            return;
        }
        try {
            handle(endpoint, hook, response);
        } catch (IngressUnavailableException e) {
            LOG.warn("{} {}: webhook {} not stored, Twilio will deliver it again: {}", channel, instance, endpoint,
                    e.getMessage());
            response.setHeader("Retry-After", "5");
            refuse(request, response, 503);
        } catch (IllegalArgumentException e) {
            // Bad data that can never be stored: Twilio must not redeliver it forever, and it changed nothing.
            LOG.warn("{} {}: webhook {} refused: {}", channel, instance, endpoint, e.getMessage());
            Twiml.empty(response);
        }
    }

    /** A bare status: no error page, nothing about the request echoed back. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        response.setStatus(status);
        response.setContentLength(0);
        RequestBodies.closeIfUnread(request, response);
    }

    /** Handles a signed request and writes the answer (TwiML), only after whatever must be durable is committed. */
    protected abstract void handle(String endpoint, TwilioWebhook hook, HttpServletResponse response)
            throws IOException, IngressUnavailableException;

    protected final String instance() {
        return instance;
    }

    /** What checking a webhook needs, read per request so a configuration change applies at once. */
    public record WebhookKeys(String authToken, PublicBaseUrl publicBaseUrl) {
    }
}

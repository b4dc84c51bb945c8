package org.seamline.crm.amocrm;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.seamline.api.crm.CrmChange;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmException.Kind;
import org.seamline.api.crm.CrmWebhooks;

/**
 * amoCRM's webhook: a form-encoded POST ({@code contacts[update][0][id]=…}, {@code account[subdomain]=…}) with no
 * signature. What proves its origin is the secret last segment of the URL it was sent to
 * ({@code /hooks/crm/amocrm/<instance>/<secret>}), compared in constant time, and the account it names. A replay
 * cannot be told apart; the event id ({@code contacts:update:<id>:<updated_at>}) lets the platform drop a repeat.
 */
final class WebhookReceiver {

    private static final Pattern CONTACT_ID = Pattern.compile("contacts\\[(add|update|delete|restore)]\\[(\\d+)]\\[id]");

    private final byte[] secret;
    private final String subdomain;

    /** @param secret null when webhooks are not configured: everything is refused */
    WebhookReceiver(String secret, String subdomain) {
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.subdomain = subdomain;
    }

    List<CrmChange> receive(CrmWebhooks.Request request) throws CrmException {
        if (secret == null) {
            throw new CrmException(Kind.AUTH_INVALID, "amoCRM webhook: no webhookSecret is configured");
        }
        String path = request.path() == null ? "" : request.path();
        byte[] sent = (path.startsWith("/") ? path.substring(1) : path).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(secret, sent)) {
            throw new CrmException(Kind.AUTH_INVALID, "amoCRM webhook: wrong secret path");
        }
        String type = request.contentType() == null ? "" : request.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            throw new CrmException(Kind.VALIDATION, "amoCRM webhook: not a form-encoded body");
        }
        Map<String, String> form = decode(new String(request.body(), StandardCharsets.UTF_8));
        if (!subdomain.equalsIgnoreCase(form.getOrDefault("account[subdomain]", ""))) {
            throw new CrmException(Kind.AUTH_INVALID, "amoCRM webhook: from another account");
        }
        List<CrmChange> changes = new ArrayList<>();
        for (Map.Entry<String, String> field : form.entrySet()) {
            Matcher key = CONTACT_ID.matcher(field.getKey());
            if (!key.matches()) {
                continue;
            }
            String id = field.getValue().strip();
            if (!id.matches("[1-9][0-9]{0,18}")) {
                throw new CrmException(Kind.VALIDATION, "amoCRM webhook: a contact without an id");
            }
            String action = key.group(1);
            String prefix = "contacts[" + action + "][" + key.group(2) + "]";
            String updated = form.getOrDefault(prefix + "[updated_at]", form.getOrDefault(prefix + "[last_modified]", ""));
            boolean timed = updated.matches("[0-9]{1,12}");
            Instant at = timed ? Instant.ofEpochSecond(Long.parseLong(updated)) : null;
            // without a time the id would name every later change of the contact too: none then, nothing dropped
            String eventId = timed ? "contacts:" + action + ":" + id + ":" + updated : null;
            changes.add(new CrmChange(id, eventId, at, action.equals("delete")));
        }
        return changes; // other entities' events on the same hook: nothing Seamline keeps
    }

    /** Flat: {@code contacts[update][0][id]} stays one key; a repeated key keeps its first value. */
    private static Map<String, String> decode(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.putIfAbsent(key, value);
            } catch (IllegalArgumentException e) {
                // a malformed escape: skipped; a missing subdomain or id refuses the request
            }
        }
        return form;
    }
}

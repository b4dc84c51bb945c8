package org.seamline.crm.bitrix24;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.seamline.api.crm.CrmChange;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmException.Kind;
import org.seamline.api.crm.CrmWebhooks;

/**
 * The portal's outgoing webhook: a form-encoded POST whose only proof of origin is {@code auth[application_token]},
 * the token Bitrix24 showed when the hook was made (no signature, no nonce). It is compared in constant time. The
 * event names the contact only; the platform reads the profile again. Replays cannot be told from the scheme: the
 * event id ({@code event:ID:ts}) lets the platform drop a repeat, and a replayed event at worst makes it re-read a
 * profile, which changes nothing.
 */
final class ChangeNotifications {

    private static final Map<String, Boolean> CONTACT_EVENTS = Map.of("ONCRMCONTACTADD", false,
            "ONCRMCONTACTUPDATE", false, "ONCRMCONTACTDELETE", true);

    /** Null when no token is configured: then every notification is refused. */
    private final String token;

    ChangeNotifications(String token) {
        this.token = token;
    }

    List<CrmChange> receive(CrmWebhooks.Request request) throws CrmException {
        if (token == null) {
            throw new CrmException(Kind.AUTH_INVALID, "Bitrix24 outgoing webhook: no applicationToken is configured");
        }
        String type = request.contentType() == null ? "" : request.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            throw new CrmException(Kind.VALIDATION, "Bitrix24 outgoing webhook: not a form-encoded body");
        }
        Map<String, String> form = decode(new String(request.body(), StandardCharsets.UTF_8));
        String sent = form.getOrDefault("auth[application_token]", "");
        if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            throw new CrmException(Kind.AUTH_INVALID, "Bitrix24 outgoing webhook: wrong application token");
        }
        String event = form.getOrDefault("event", "").toUpperCase(Locale.ROOT);
        Boolean deleted = CONTACT_EVENTS.get(event);
        if (deleted == null) {
            return List.of(); // a lead or deal event on the same hook: nothing Seamline keeps
        }
        String id = form.getOrDefault("data[FIELDS][ID]", "");
        if (!id.matches("[1-9][0-9]{0,18}")) {
            throw new CrmException(Kind.VALIDATION, "Bitrix24 outgoing webhook: " + event + " without a contact id");
        }
        String ts = form.getOrDefault("ts", "");
        Instant at = ts.matches("[0-9]{1,12}") ? Instant.ofEpochSecond(Long.parseLong(ts)) : null;
        return List.of(new CrmChange(id, event + ":" + id + ":" + ts, at, deleted));
    }

    /** Flat: {@code auth[application_token]} stays one key; a repeated key keeps its first value. */
    private static Map<String, String> decode(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (pair.isEmpty()) {
                continue;
            }
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.putIfAbsent(key, value);
            } catch (IllegalArgumentException e) {
                // a malformed escape: the pair is skipped, and a missing token or id refuses the request
            }
        }
        return form;
    }
}

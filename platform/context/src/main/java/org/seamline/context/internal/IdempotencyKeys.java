package org.seamline.context.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.seamline.context.ConsentPurpose;
import org.seamline.context.ReplyTemplate;

/**
 * A reply's {@code Idempotency-Key} and what it stands for. A key travels in HTTP headers, which are ISO-8859-1:
 * anything but printable ASCII would reach the callback receiver garbled, so such a key is refused rather than
 * altered. The fingerprint tells a repeated request from a different one under the same key.
 */
final class IdempotencyKeys {

    /** The size of outbox_message.idempotency_key. */
    static final int MAX_LENGTH = 200;
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]+");

    private IdempotencyKeys() {
    }

    /** The key as given, when it can be stored and sent on unchanged. */
    static String checked(String key) {
        if (key.length() > MAX_LENGTH || !PRINTABLE_ASCII.matcher(key).matches()) {
            throw new IllegalArgumentException("Idempotency-Key must be 1-" + MAX_LENGTH + " printable ASCII characters");
        }
        return key;
    }

    /**
     * SHA-256 over the request as it is interpreted: the default purpose written out, no files as an empty list. A
     * template adds its name and variables (sorted) after a marker, so requests without one keep the fingerprints
     * they had before templates existed.
     */
    static String fingerprint(String text, List<String> attachmentIds, String channel, ConsentPurpose purpose,
                              ReplyTemplate template) {
        StringBuilder request = new StringBuilder();
        for (String part : List.of(text == null ? "" : text, channel == null ? "" : channel,
                (purpose == null ? ConsentPurpose.SERVICE : purpose).name())) {
            append(request, part);
        }
        for (String id : attachmentIds == null ? List.<String>of() : attachmentIds) {
            append(request, id);
        }
        if (template != null) {
            request.append("|template");
            append(request, template.name());
            template.variables().forEach((name, value) -> append(append(request, name), value));
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Length-prefixed, so no two different requests write the same string. */
    private static StringBuilder append(StringBuilder request, String part) {
        return request.append(part.length()).append(':').append(part);
    }
}

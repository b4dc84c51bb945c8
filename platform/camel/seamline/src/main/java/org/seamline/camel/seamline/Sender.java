package org.seamline.camel.seamline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.seamline.api.customer.CustomerContext;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.Identifier;

/** Reads the sender/customer headers and derives ids; messages never repeat the header's value (personal data). */
final class Sender {

    private static final Set<String> TYPES = Set.of(Identifier.EMAIL, Identifier.PHONE, Identifier.USER_ID);

    private Sender() {
    }

    /** {@code SeamlineFrom} as an identifier; refused unless it is {@code email:…}, {@code phone:…} or {@code userId:…}. */
    static Identifier from(Message message) {
        String from = message.getHeader(SeamlineConstants.FROM, String.class);
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("header " + SeamlineConstants.FROM + " is required: email:…, phone:… or userId:…");
        }
        int colon = from.indexOf(':');
        String type = colon < 0 ? "" : from.substring(0, colon).strip();
        String value = colon < 0 ? "" : from.substring(colon + 1).strip();
        if (!TYPES.contains(type) || value.isEmpty()) {
            throw new IllegalArgumentException("header " + SeamlineConstants.FROM
                    + " must be email:<address>, phone:<number> or userId:<id>");
        }
        return new Identifier(type, value);
    }

    /** {@code SeamlineCustomerId}, or the customer who owns {@code SeamlineFrom}; refused when there is none. */
    static String customerId(Exchange exchange, CustomerContext customers)
            throws IngressUnavailableException, CamelExchangeException {
        String id = optional(exchange.getMessage(), SeamlineConstants.CUSTOMER_ID);
        if (id != null) {
            return id;
        }
        return customers.find(from(exchange.getMessage())).orElseThrow(() -> new CamelExchangeException(
                "no customer has the identifier in " + SeamlineConstants.FROM, exchange)).id();
    }

    /** An optional header's text, null when absent or blank. */
    static String optional(Message message, String header) {
        String value = message.getHeader(header, String.class);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The body as text; refused when there is none, since a message or reply without text says nothing. */
    static String text(Message message) {
        String text = message.getBody(String.class);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the message body (the text) is empty");
        }
        return text;
    }

    /**
     * A stable id for a message that came without {@code SeamlineMessageId}: a hash of who and what, so a retried
     * exchange is the same message. The consequence: the same text twice from the same sender counts once.
     */
    static String derivedId(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}

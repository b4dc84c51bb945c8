package org.seamline.channel.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.seamline.api.message.Attachment;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.Party;
import org.seamline.core.http.Json;

/**
 * Turns the API channel's JSON into an {@link InboundMessage}:
 * {@code {"id", "from": {"email"?, "phone"?, "userId"?, "name"?}, "text"?, "attachments"?: [{"url","contentType","name"}], "sentAt"?}}.
 */
final class InboundMessageParser {

    static final String CHANNEL = "api";

    private InboundMessageParser() {
    }

    static InboundMessage parse(byte[] body, String instance) throws InvalidMessageException {
        JsonNode root;
        try {
            root = Json.read(body);
        } catch (JacksonException e) {
            throw new InvalidMessageException("body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidMessageException("body cannot be read");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidMessageException("body must be a JSON object");
        }
        String id = text(root, "id", true);
        Party from = sender(root.get("from"));
        String text = text(root, "text", false);
        List<Attachment> attachments = attachments(root.get("attachments"));
        Instant sentAt = time(root, "sentAt");
        return new InboundMessage(CHANNEL, instance, id, from, text, attachments, sentAt, Instant.now(), null);
    }

    private static Party sender(JsonNode from) throws InvalidMessageException {
        if (from == null || !from.isObject()) {
            throw new InvalidMessageException("'from' is required and must be an object");
        }
        List<Identifier> identifiers = new ArrayList<>();
        for (String type : List.of(Identifier.EMAIL, Identifier.PHONE, Identifier.USER_ID)) {
            String value = text(from, type, false);
            if (value != null && !value.isBlank()) {
                identifiers.add(new Identifier(type, value.strip()));
            }
        }
        if (identifiers.isEmpty()) {
            throw new InvalidMessageException("'from' needs at least one of email, phone, userId");
        }
        return new Party(text(from, "name", false), identifiers);
    }

    private static List<Attachment> attachments(JsonNode node) throws InvalidMessageException {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidMessageException("'attachments' must be an array");
        }
        List<Attachment> attachments = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw new InvalidMessageException("each attachment must be an object");
            }
            String url = text(item, "url", true);
            attachments.add(new Attachment(url, text(item, "contentType", false), text(item, "name", false), null));
        }
        return attachments;
    }

    private static String text(JsonNode parent, String field, boolean required) throws InvalidMessageException {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidMessageException("'" + field + "' is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidMessageException("'" + field + "' must be a string");
        }
        if (required && value.asText().isBlank()) {
            throw new InvalidMessageException("'" + field + "' must not be empty");
        }
        return value.asText();
    }

    private static Instant time(JsonNode parent, String field) throws InvalidMessageException {
        String value = text(parent, field, false);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidMessageException("'" + field + "' must be an ISO-8601 date-time with offset, e.g. 2026-11-22T10:00:00Z");
        }
    }
}

package org.seamline.api.message;

/** A file that travels with a message, referenced by URL; {@code size} in bytes is null when unknown. */
public record Attachment(String url, String contentType, String name, Long size) {

    public Attachment {
        url = Text.required(url, "attachment url");
    }
}

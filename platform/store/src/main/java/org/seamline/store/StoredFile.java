package org.seamline.store;

/** A stored attachment's bytes with what a download needs. */
public record StoredFile(String id, String name, String contentType, byte[] content) {
}

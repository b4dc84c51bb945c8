package org.seamline.twilio.standin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Files the stand-in serves under its API base URL: message media and call recordings, by request path. */
final class MediaStore {

    record Media(byte[] content, String contentType) {
    }

    private final Map<String, Media> byPath = new ConcurrentHashMap<>();

    void put(String path, byte[] content, String contentType) {
        byPath.put(path, new Media(content.clone(), contentType));
    }

    Media get(String path) {
        return byPath.get(path);
    }
}

package org.seamline.context.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map that forgets its least recently used entry beyond a capacity; callers synchronise access. */
final class LeastRecentlyUsed {

    private LeastRecentlyUsed() {
    }

    static <K, V> Map<K, V> map(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}

package org.seamline.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.seamline.store.Page;

/** The JSON shape of every paged list: {@code {"items": [...], "total", "offset", "limit"}}. */
final class PageBody {

    private PageBody() {
    }

    static <T> Map<String, Object> of(Page<T> page) {
        return of(page, Function.identity());
    }

    static <T, V> Map<String, Object> of(Page<T> page, Function<T, V> view) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(view).toList());
        body.put("total", page.total());
        body.put("offset", page.offset());
        body.put("limit", page.limit());
        return body;
    }
}

package org.seamline.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.seamline.store.Page;

/**
 * The JSON shape of every paged list: {@code {"items": [...], "total", "offset", "limit", "nextOffset"}};
 * {@code nextOffset} is present while rows remain, so a client walks all of them by following it.
 */
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
        long next = (long) page.offset() + page.items().size();
        if (!page.items().isEmpty() && next < page.total()) {
            body.put("nextOffset", next);
        }
        return body;
    }

    /** A page of a list that is small and read whole (tokens, a customer's merges). */
    static <T> Map<String, Object> slice(List<T> all, Paging paging) {
        int from = (int) Math.min(all.size(), (long) paging.offset());
        int to = (int) Math.min(all.size(), (long) from + paging.limit());
        return of(new Page<>(all.subList(from, to), all.size(), paging.offset(), paging.limit()));
    }
}

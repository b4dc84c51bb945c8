package org.seamline.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.seamline.rest.errors.ApiException;

class PageBodyTest {

    private static final List<Integer> ROWS = IntStream.range(0, 1234).boxed().toList();

    @Test
    void followingNextOffsetWalksEveryRowOnceAndStopsAtTheEnd() {
        List<Object> seen = new ArrayList<>();
        Object offset = null;
        int pages = 0;
        do {
            Map<String, Object> page = PageBody.slice(ROWS, Paging.of(offset == null ? null : offset.toString(), "500"));
            seen.addAll((List<?>) page.get("items"));
            offset = page.get("nextOffset");
            pages++;
        } while (offset != null);
        assertEquals(ROWS, seen);
        assertEquals(3, pages);
    }

    @Test
    void aPageBeyondTheEndIsEmptyAndPointsNowhere() {
        Map<String, Object> page = PageBody.slice(ROWS, Paging.of("5000", "10"));
        assertEquals(List.of(), page.get("items"));
        assertEquals(1234L, page.get("total"));
        assertFalse(page.containsKey("nextOffset"));
    }

    @Test
    void limitsAreBounded() {
        assertEquals(400, assertThrows(ApiException.class, () -> Paging.of(null, "501")).status());
        assertEquals(400, assertThrows(ApiException.class, () -> Paging.of(null, "0")).status());
        assertEquals(400, assertThrows(ApiException.class, () -> Paging.of("-1", null)).status());
        assertEquals(400, assertThrows(ApiException.class, () -> Paging.of("ten", null)).status());
        assertEquals(new Paging(0, 50), Paging.of(null, " "));
    }
}

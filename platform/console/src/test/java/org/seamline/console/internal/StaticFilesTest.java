package org.seamline.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StaticFilesTest {

    @Test
    void theFolderIsTheIndexAndTheBareNameIsRedirected() {
        assertEquals("/index.html", StaticFiles.resolve("/"));
        assertNull(StaticFiles.resolve(null));
        assertNull(StaticFiles.resolve(""));
    }

    @Test
    void onlyPlainNamesOfKnownTypesAreServed() {
        assertTrue(StaticFiles.isServable("/index.html"));
        assertTrue(StaticFiles.isServable("/assets/index-Bx3k_9a.js"));
        assertFalse(StaticFiles.isServable("/../META-INF/MANIFEST.MF"));
        assertFalse(StaticFiles.isServable("/assets/../../org/seamline/console/internal/ConsoleServlet.class"));
        assertFalse(StaticFiles.isServable("/.hidden.js"));
        assertFalse(StaticFiles.isServable("/assets//x.js"));
        assertFalse(StaticFiles.isServable("/index.html/"));
        assertFalse(StaticFiles.isServable("/OSGI-INF/component.xml"));
    }

    @Test
    void hashedAssetsAreKeptAndTheIndexIsRevalidated() {
        assertEquals("no-cache", StaticFiles.cacheControl("/index.html"));
        assertTrue(StaticFiles.cacheControl("/assets/index-Bx3k_9a.js").contains("immutable"));
        assertEquals("text/javascript; charset=utf-8", StaticFiles.contentType("/assets/a.js"));
    }
}

package org.seamline.core.security.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestOriginTest {

    private static final String HOST = "127.0.0.1:8080";

    @Test
    void aPageOfThisServerMayChangeThings() {
        assertTrue(RequestOrigin.isSameOrigin(HOST, "http://127.0.0.1:8080", null));
        assertTrue(RequestOrigin.isSameOrigin(HOST, null, "http://127.0.0.1:8080/system/console/configMgr"));
        assertTrue(RequestOrigin.isSameOrigin("seamline.example.com", "https://seamline.example.com", null),
                "behind a TLS-terminating proxy");
    }

    @Test
    void aPageOfAnotherSiteOrPortMayNot() {
        assertFalse(RequestOrigin.isSameOrigin(HOST, "http://evil.example", null));
        assertFalse(RequestOrigin.isSameOrigin(HOST, "http://127.0.0.1:9999", null), "another local service");
        assertFalse(RequestOrigin.isSameOrigin(HOST, null, "http://evil.example/form.html"));
        assertFalse(RequestOrigin.isSameOrigin(HOST, "null", null), "a sandboxed frame or a file: page");
        assertFalse(RequestOrigin.isSameOrigin(HOST, "http://evil.example", "http://127.0.0.1:8080/"),
                "Origin decides when both are sent");
    }

    @Test
    void aToolSendingNeitherHeaderIsNoForgedPage() {
        assertTrue(RequestOrigin.isSameOrigin(HOST, null, null));
    }
}

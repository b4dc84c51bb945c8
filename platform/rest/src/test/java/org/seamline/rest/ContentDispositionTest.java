package org.seamline.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void anAsciiNameIsSentAsItIs() {
        assertEquals("attachment; filename=\"invoice 4711.pdf\"", ContentDisposition.attachment("invoice 4711.pdf"));
    }

    @Test
    void anyOtherNameIsAlsoSentAsUtf8WithAnAsciiFallback() {
        assertEquals("attachment; filename=\"____ _5.pdf\"; filename*=UTF-8''%D0%A1%D1%87%D1%91%D1%82%20%E2%84%965.pdf",
                ContentDisposition.attachment("Счёт №5.pdf"));
        assertEquals("attachment; filename=\"_.png\"; filename*=UTF-8''%F0%9F%93%B7.png", ContentDisposition.attachment("📷.png"),
                "a character beyond the BMP is one fallback character");
    }

    @Test
    void quotesAndBackslashesCannotBreakOutOfTheHeader() {
        assertEquals("attachment; filename=\"a_b_.txt\"; filename*=UTF-8''a%22b%5C.txt", ContentDisposition.attachment("a\"b\\.txt"));
    }
}

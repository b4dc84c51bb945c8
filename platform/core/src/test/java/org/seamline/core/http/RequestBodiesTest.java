package org.seamline.core.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    @Test
    void readsABodyUpToTheLimitExactly() throws Exception {
        byte[] body = new byte[20_000];
        body[19_999] = 7;
        assertArrayEquals(body, RequestBodies.read(new ByteArrayInputStream(body), 20_000));
    }

    @Test
    void stopsReadingOnceTheLimitIsPassedWhateverTheDeclaredLength() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        assertThrows(PayloadTooLargeException.class, () -> RequestBodies.read(endless, 10_000));
    }
}

package org.seamline.channel.twilio;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** TwiML answers: Twilio wants {@code text/xml} with a {@code <Response>} root, also when there is nothing to do. */
public final class Twiml {

    /** "Received, nothing to send": the answer to inbound messages and every asynchronous callback. */
    public static final String EMPTY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private Twiml() {
    }

    public static void write(HttpServletResponse response, String twiml) throws IOException {
        byte[] bytes = twiml.getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("text/xml; charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    public static void empty(HttpServletResponse response) throws IOException {
        write(response, EMPTY);
    }
}

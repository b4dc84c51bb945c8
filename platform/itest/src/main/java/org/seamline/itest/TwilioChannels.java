package org.seamline.itest;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.seamline.twilio.standin.TwilioStandIn;

/** What an admin does to connect a Twilio channel instance to an account, here the local stand-in. */
public final class TwilioChannels {

    private TwilioChannels() {
    }

    /**
     * Writes {@code etc/org.seamline.channel.<kind>-<instance>.cfg} for the stand-in's account, with the platform's
     * own address as the public base URL; extra lines come last and override.
     */
    public static void configure(SeamlineProcess seamline, String kind, String instance, TwilioStandIn twilio,
                                 String from, String... extraLines) throws IOException {
        List<String> lines = new ArrayList<>(List.of("accountSid=" + twilio.accountSid(),
                "authToken=" + twilio.authToken(), "publicBaseUrl=http://127.0.0.1:" + seamline.port,
                "from=" + from, "apiBaseUrl=" + twilio.apiBaseUrl()));
        lines.addAll(List.of(extraLines));
        Files.writeString(seamline.home.resolve("etc/org.seamline.channel." + kind + "-" + instance + ".cfg"),
                String.join("\n", lines) + "\n");
    }

    /** The absolute URL of one of the instance's webhooks, as pasted at Twilio. */
    public static String hook(SeamlineProcess seamline, String kind, String instance, String endpoint) {
        return "http://127.0.0.1:" + seamline.port + "/hooks/" + kind + "/" + instance + "/" + endpoint;
    }
}

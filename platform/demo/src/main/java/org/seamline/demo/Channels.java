package org.seamline.demo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The channel instances of the demo, configured as an admin would (one {@code etc/} file each) but pointing at the
 * stand-ins: the support mailbox, a shop posting through the API channel, and one Twilio number for SMS, WhatsApp
 * and calls. Secrets are {@code $[env:…]} placeholders; their values reach the platform in its environment only.
 */
final class Channels {

    static final String MAIL_INSTANCE = "support";
    static final String SHOP_INSTANCE = "shop";
    static final String TWILIO_INSTANCE = "main";
    /** One of Twilio's test numbers that it accepts as a sender: the business's number. */
    static final String BUSINESS_NUMBER = "+15005550006";
    static final List<String> TWILIO_KINDS = List.of("sms", "whatsapp", "voice");

    private static final String MAILBOX_PASSWORD_VARIABLE = "SEAMLINE_DEMO_MAILBOX_PASSWORD";
    private static final String TWILIO_TOKEN_VARIABLE = "SEAMLINE_DEMO_TWILIO_AUTH_TOKEN";
    private static final String SHOP_SECRET_VARIABLE = "SEAMLINE_DEMO_SHOP_SECRET";

    private final StandIns standIns;
    private final String baseUrl;
    final String shopSecret = StandIns.randomHex(24);

    Channels(StandIns standIns, int port) {
        this.standIns = standIns;
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    void configure(DemoHome home) throws IOException {
        home.writeConfig(pid(new Instance("email", MAIL_INSTANCE)), List.of("address=" + StandIns.MAILBOX,
                "password=$[env:" + MAILBOX_PASSWORD_VARIABLE + "]",
                "imapHost=127.0.0.1", "imapPort=" + standIns.imapPort(), "imapTls=none",
                "smtpHost=127.0.0.1", "smtpPort=" + standIns.smtpPort(), "smtpTls=none", "pollIntervalSeconds=1"));
        home.writeConfig(pid(new Instance("api", SHOP_INSTANCE)), List.of("secret=$[env:" + SHOP_SECRET_VARIABLE + "]"));
        for (String kind : TWILIO_KINDS) {
            // The stand-in signs its webhooks for the platform's loopback address, as Twilio signs for publicBaseUrl.
            home.writeConfig(pid(new Instance(kind, TWILIO_INSTANCE)), List.of(
                    "accountSid=" + standIns.twilio.accountSid(), "authToken=$[env:" + TWILIO_TOKEN_VARIABLE + "]",
                    "publicBaseUrl=" + baseUrl, "from=" + BUSINESS_NUMBER, "apiBaseUrl=" + standIns.twilio.apiBaseUrl()));
        }
    }

    private static String pid(Instance instance) {
        return "org.seamline.channel." + instance;
    }

    /** The values of the placeholders, for the platform's environment. */
    Map<String, String> secrets() {
        return Map.of(MAILBOX_PASSWORD_VARIABLE, standIns.mailboxPassword,
                TWILIO_TOKEN_VARIABLE, standIns.twilio.authToken(), SHOP_SECRET_VARIABLE, shopSecret);
    }

    /** One configured instance: the channel kind (its plugin is {@code org.seamline.channel.<kind>}) and its name. */
    record Instance(String kind, String name) {
        @Override
        public String toString() {
            return kind + "-" + name;
        }
    }

    /** Every instance the demo configures. */
    static List<Instance> instances() {
        List<Instance> instances = new ArrayList<>(List.of(new Instance("email", MAIL_INSTANCE), new Instance("api", SHOP_INSTANCE)));
        TWILIO_KINDS.forEach(kind -> instances.add(new Instance(kind, TWILIO_INSTANCE)));
        return instances;
    }

    /** A webhook of a Twilio instance, as it would be pasted at Twilio. */
    String twilioHook(String kind, String endpoint) {
        return baseUrl + "/hooks/" + kind + "/" + TWILIO_INSTANCE + "/" + endpoint;
    }

    String shopHook() {
        return baseUrl + "/hooks/api/" + SHOP_INSTANCE + "/messages";
    }
}

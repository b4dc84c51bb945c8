package org.seamline.channel.whatsapp;

import java.time.Duration;
import java.util.regex.Pattern;
import org.seamline.channel.twilio.MediaDownloads;
import org.seamline.channel.twilio.PublicBaseUrl;
import org.seamline.channel.twilio.TwilioAccount;
import org.seamline.channel.twilio.TwilioGateway;
import org.seamline.channel.twilio.TwilioWebhookServlet.WebhookKeys;

/**
 * The live, checked settings of one instance, with the REST client and media downloader built from them; replaced
 * as a whole when the configuration changes.
 *
 * @param sender {@code whatsapp:+E164}, or a messaging service SID
 */
record WhatsAppSettings(TwilioAccount account, PublicBaseUrl publicBaseUrl, String sender, Templates templates,
                        TwilioGateway gateway, MediaDownloads downloads) {

    private static final Pattern NUMBER = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern SERVICE = Pattern.compile("MG[0-9a-fA-F]{32}");

    /** @throws IllegalArgumentException naming the setting that is wrong, never echoing a secret */
    static WhatsAppSettings from(WhatsAppConfiguration config) {
        TwilioAccount account = TwilioAccount.of(config.accountSid(), config.authToken(), config.apiKeySid(),
                config.apiKeySecret(), config.apiBaseUrl());
        Duration timeout = Duration.ofMillis(positive(config.sendTimeoutMillis(), "sendTimeoutMillis"));
        return new WhatsAppSettings(account, PublicBaseUrl.of(config.publicBaseUrl()), sender(config.from()),
                Templates.parse(config.templates(), config.defaultLanguage()), new TwilioGateway(account, timeout),
                new MediaDownloads(account, positive(config.maxMediaBytes(), "maxMediaBytes"), timeout));
    }

    /** {@code whatsapp:+E164} as Twilio wants it, from any of the forms the setting accepts. */
    static String sender(String from) {
        String value = from == null ? "" : from.strip();
        if (SERVICE.matcher(value).matches()) {
            return value;
        }
        String number = value.regionMatches(true, 0, WhatsAppAddress.PREFIX, 0, WhatsAppAddress.PREFIX.length())
                ? value.substring(WhatsAppAddress.PREFIX.length()) : value;
        if (!NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("'from' must be whatsapp:+E164, +E164 or a messaging service SID MG…");
        }
        return WhatsAppAddress.PREFIX + number;
    }

    WebhookKeys webhookKeys() {
        return new WebhookKeys(account.authToken(), publicBaseUrl);
    }

    private static int positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException("'" + name + "' must be at least 1");
        }
        return value;
    }
}

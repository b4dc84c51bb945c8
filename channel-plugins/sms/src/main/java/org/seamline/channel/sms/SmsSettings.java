package org.seamline.channel.sms;

import java.time.Duration;
import java.util.regex.Pattern;
import org.seamline.channel.twilio.MediaDownloads;
import org.seamline.channel.twilio.PublicBaseUrl;
import org.seamline.channel.twilio.TwilioAccount;
import org.seamline.channel.twilio.TwilioGateway;
import org.seamline.channel.twilio.TwilioWebhookServlet.WebhookKeys;

/** The live, validated settings of one instance and the clients built from them; replaced whole on a change. */
record SmsSettings(TwilioAccount account, PublicBaseUrl publicBaseUrl, String from, TwilioGateway gateway,
                   MediaDownloads downloads, OptOutKeywords keywords) {

    private static final Pattern NUMBER_OR_SERVICE = Pattern.compile("\\+[1-9][0-9]{6,14}|MG[0-9a-fA-F]{32}");

    static SmsSettings from(SmsChannelConfiguration config) {
        TwilioAccount account = TwilioAccount.of(config.accountSid(), config.authToken(), config.apiKeySid(),
                config.apiKeySecret(), config.apiBaseUrl());
        String from = config.from() == null ? "" : config.from().strip();
        if (!NUMBER_OR_SERVICE.matcher(from).matches()) {
            throw new IllegalArgumentException("'from' must be a number in E.164 (+4915112345678) or a messaging service SID (MG…)");
        }
        if (config.sendTimeoutMillis() < 1 || config.maxMediaBytes() < 1) {
            throw new IllegalArgumentException("'sendTimeoutMillis' and 'maxMediaBytes' must be at least 1");
        }
        Duration timeout = Duration.ofMillis(config.sendTimeoutMillis());
        return new SmsSettings(account, PublicBaseUrl.of(config.publicBaseUrl()), from,
                new TwilioGateway(account, timeout), new MediaDownloads(account, config.maxMediaBytes(), timeout),
                new OptOutKeywords(config.stopKeywords(), config.startKeywords()));
    }

    WebhookKeys webhookKeys() {
        return new WebhookKeys(account.authToken(), publicBaseUrl);
    }
}

package org.seamline.channel.voice;

import java.nio.file.Path;
import java.time.Duration;
import org.seamline.channel.twilio.MediaDownloads;
import org.seamline.channel.twilio.PublicBaseUrl;
import org.seamline.channel.twilio.TwilioAccount;
import org.seamline.channel.twilio.TwilioWebhookServlet;

/** One voice instance's checked settings; replaced as a whole when the configuration changes. */
record VoiceSettings(TwilioAccount account, PublicBaseUrl publicBaseUrl, String number, Ivr ivr, MediaDownloads downloads) {

    /**
     * @param etcDir where a relative {@code ivrFile} is looked up: the platform's {@code etc/}
     * @throws IllegalArgumentException naming the setting that is wrong, never a secret's value
     */
    static VoiceSettings from(VoiceChannelConfiguration config, Path etcDir) {
        TwilioAccount account = TwilioAccount.of(config.accountSid(), config.authToken(), config.apiKeySid(),
                config.apiKeySecret(), config.apiBaseUrl());
        String number = config.from() == null ? "" : config.from().strip();
        if (!number.isEmpty() && !number.matches("\\+[1-9][0-9]{6,14}")) {
            throw new IllegalArgumentException("from must be the number in E.164, e.g. +74951234567");
        }
        if (config.maxRecordingBytes() < 1024 || config.downloadTimeoutSeconds() < 1 || config.downloadTimeoutSeconds() > 14) {
            // Twilio waits 15 s for the recording callback's answer, download included.
            throw new IllegalArgumentException("maxRecordingBytes must be at least 1024 and downloadTimeoutSeconds 1 to 14");
        }
        return new VoiceSettings(account, PublicBaseUrl.of(config.publicBaseUrl()), number,
                IvrFile.load(config.ivrFile(), etcDir), new MediaDownloads(account, config.maxRecordingBytes(),
                Duration.ofSeconds(config.downloadTimeoutSeconds())));
    }

    TwilioWebhookServlet.WebhookKeys keys() {
        return new TwilioWebhookServlet.WebhookKeys(account.authToken(), publicBaseUrl);
    }

    CallTwiml twiml(String instance) {
        return new CallTwiml(ivr, publicBaseUrl, instance);
    }
}

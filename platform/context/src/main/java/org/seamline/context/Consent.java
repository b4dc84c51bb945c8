package org.seamline.context;

import java.time.Instant;

/**
 * A customer's latest word on being contacted on a channel for a purpose.
 *
 * @param channel  a channel kind ({@code sms}, {@code email}, …) or {@code *} for every channel
 * @param granted  true for opt-in, false for opt-out (withdrawn)
 * @param source   who recorded it: {@code admin}, a channel ({@code sms/main}), a CRM
 * @param evidence what proves it: a message id, a form, a call recording; may be null
 */
public record Consent(String channel, ConsentPurpose purpose, boolean granted, String source, String evidence,
                      Instant recordedAt) {

    public static final String ALL_CHANNELS = "*";
}

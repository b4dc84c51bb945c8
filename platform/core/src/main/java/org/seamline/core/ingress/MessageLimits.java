package org.seamline.core.ingress;

import org.seamline.api.message.InboundMessage;

/** The inbox columns' sizes, checked before a message is queued so a bad message never fails a whole batch. */
final class MessageLimits {

    static final int CHANNEL = 64;
    static final int INSTANCE = 128;
    static final int PROVIDER_MESSAGE_ID = 512;

    private MessageLimits() {
    }

    static void check(InboundMessage message) {
        within(message.channel(), CHANNEL, "channel");
        within(message.instance(), INSTANCE, "instance");
        within(message.providerMessageId(), PROVIDER_MESSAGE_ID, "provider message id");
    }

    private static void within(String value, int max, String what) {
        if (value.length() > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
    }
}

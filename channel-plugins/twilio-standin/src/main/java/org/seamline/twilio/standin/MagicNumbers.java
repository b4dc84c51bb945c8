package org.seamline.twilio.standin;

import java.util.Map;

/**
 * Twilio's test-credential numbers (§C.6): creates that use them fail synchronously with a fixed error.
 * They apply with or without the {@code whatsapp:} prefix.
 */
final class MagicNumbers {

    private static final Map<String, ApiError> MESSAGE_FROM = Map.of(
            "+15005550001", ApiError.badRequest(21212, "The 'From' number is not a valid phone number, shortcode, or alphanumeric sender ID."),
            "+15005550007", ApiError.badRequest(21606, "The 'From' phone number is not a valid, SMS-capable inbound phone number or short code for your account."),
            "+15005550008", ApiError.badRequest(21611, "This 'From' number has exceeded the maximum number of queued messages."));
    private static final Map<String, ApiError> MESSAGE_TO = Map.of(
            "+15005550001", ApiError.badRequest(21211, "The 'To' number is not a valid phone number."),
            "+15005550002", ApiError.badRequest(21612, "The 'To' phone number is not currently reachable using the 'From' phone number."),
            "+15005550003", ApiError.badRequest(21408, "Permission to send an SMS has not been enabled for the region indicated by the 'To' number."),
            "+15005550004", ApiError.badRequest(21610, "Attempt to send to unsubscribed recipient."),
            "+15005550009", ApiError.badRequest(21614, "'To' number is not a valid mobile number."));
    private static final Map<String, ApiError> CALL_FROM = Map.of(
            "+15005550001", ApiError.badRequest(21212, "The 'From' number is not a valid phone number."));
    private static final Map<String, ApiError> CALL_TO = Map.of(
            "+15005550001", ApiError.badRequest(21217, "The 'To' number is not a valid phone number."),
            "+15005550002", ApiError.badRequest(21214, "The 'To' number cannot be reached."),
            "+15005550003", ApiError.badRequest(21215, "Geographic permission is not enabled for the 'To' number."),
            "+15005550004", ApiError.badRequest(21216, "Calls to the 'To' number are blocked."));

    private MagicNumbers() {
    }

    static void checkMessage(String from, String to) {
        check(MESSAGE_FROM, from);
        check(MESSAGE_TO, to);
    }

    static void checkCall(String from, String to) {
        check(CALL_FROM, from);
        check(CALL_TO, to);
    }

    private static void check(Map<String, ApiError> table, String address) {
        ApiError error = address == null ? null : table.get(TwilioStandIn.withoutChannel(address));
        if (error != null) {
            throw error;
        }
    }
}

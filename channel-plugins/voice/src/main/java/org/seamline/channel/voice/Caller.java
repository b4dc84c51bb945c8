package org.seamline.channel.voice;

import java.util.Locale;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.Party;

/**
 * Who is calling, as an inbound message's sender. A phone number is a {@code phone} identifier, so the platform finds
 * the customer who wrote from it (or whose profile has it) by any channel. Twilio Client and SIP callers keep their
 * own address. A withheld number ({@code anonymous}, {@code restricted}, {@code unknown}, empty, or anything that is
 * no phone number) identifies nobody: the call is its own caller, {@code voiceCall:<CallSid>}, and is never merged
 * with anyone.
 */
final class Caller {

    /** The identifier type of a caller whose number was withheld: the call itself. */
    static final String ANONYMOUS_TYPE = "voiceCall";
    static final String CLIENT_TYPE = "twilioClient";
    static final String SIP_TYPE = "sip";
    /** The platform stores at most 512 characters of a name. */
    private static final int MAX_NAME = 512;

    private Caller() {
    }

    /** The sender of the call: its {@code From}, with {@code CallerName} when Twilio looked it up. */
    static Party of(String from, String callerName, String callSid) {
        String name = callerName == null || callerName.isBlank() ? null
                : callerName.strip().substring(0, Math.min(MAX_NAME, callerName.strip().length()));
        String address = from == null ? "" : from.strip();
        String lower = address.toLowerCase(Locale.ROOT);
        if (address.matches("\\+?[0-9][0-9 ()\\-]{4,30}")) {
            return Party.of(name, new Identifier(Identifier.PHONE, address));
        }
        if (lower.startsWith("client:") && address.length() > "client:".length()) {
            return Party.of(name, new Identifier(CLIENT_TYPE, address.substring("client:".length())));
        }
        if (lower.startsWith("sip:") && address.length() > "sip:".length()) {
            return Party.of(name, new Identifier(SIP_TYPE, address.substring("sip:".length())));
        }
        return anonymous(name, callSid);
    }

    /** A caller who cannot be told apart from anyone else: identified by the call alone. */
    static Party anonymous(String name, String callSid) {
        return Party.of(name, new Identifier(ANONYMOUS_TYPE, callSid));
    }

    /** Whether a sender is a withheld caller. */
    static boolean isAnonymous(Party party) {
        return party.identifier(ANONYMOUS_TYPE).isPresent();
    }
}

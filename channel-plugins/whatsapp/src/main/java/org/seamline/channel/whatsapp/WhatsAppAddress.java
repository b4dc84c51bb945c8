package org.seamline.channel.whatsapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.Party;

/**
 * WhatsApp addresses as Twilio writes them ({@code whatsapp:+4915112345678}) and the identifiers they stand for: a
 * number is both the {@code whatsapp} and the {@code phone} identifier (so SMS and WhatsApp from one number are one
 * customer); a user who hides the number behind a username is known by a business-scoped user id
 * ({@link Identifier#WHATSAPP_USER_ID}).
 */
final class WhatsAppAddress {

    static final String PREFIX = "whatsapp:";
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{6,15}");
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private WhatsAppAddress() {
    }

    /**
     * The sender's identifiers from an inbound webhook: the number in {@code From} (or, when From holds none, the
     * digits of {@code WaId}) and the user id of {@code ExternalUserId} or of a {@code From} that is no number.
     */
    static List<Identifier> sender(String from, String waId, String externalUserId) {
        List<Identifier> identifiers = new ArrayList<>();
        Optional<Identifier> fromAddress = identifier(from);
        Optional<Identifier> number = fromAddress.filter(i -> i.type().equals(Identifier.WHATSAPP))
                .or(() -> identifier(waId).filter(i -> i.type().equals(Identifier.WHATSAPP)));
        number.ifPresent(n -> {
            identifiers.add(n);
            identifiers.add(new Identifier(Identifier.PHONE, n.value()));
        });
        fromAddress.filter(i -> i.type().equals(Identifier.WHATSAPP_USER_ID)).ifPresent(identifiers::add);
        identifier(externalUserId).filter(i -> i.type().equals(Identifier.WHATSAPP_USER_ID))
                .filter(i -> !identifiers.contains(i)).ifPresent(identifiers::add);
        return identifiers;
    }

    /** {@code whatsapp:+4915…}, {@code +4915…} or {@code 4915…} → a number; {@code whatsapp:US.1349…} → a user id. */
    static Optional<Identifier> identifier(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String value = address.strip();
        if (value.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            value = value.substring(PREFIX.length()).strip();
        }
        if (NUMBER.matcher(value).matches()) {
            return Optional.of(new Identifier(Identifier.WHATSAPP, value.startsWith("+") ? value : "+" + value));
        }
        return USER_ID.matcher(value).matches() ? Optional.of(new Identifier(Identifier.WHATSAPP_USER_ID, value))
                : Optional.empty();
    }

    /**
     * Whom a reply goes to: the recipient's WhatsApp number, else a phone number (WhatsApp numbers are phone
     * numbers), else their user id. Empty when the recipient has none of these.
     */
    static Optional<Identifier> recipient(Party to) {
        for (String type : List.of(Identifier.WHATSAPP, Identifier.PHONE, Identifier.WHATSAPP_USER_ID)) {
            Optional<String> value = to.identifier(type);
            if (value.isPresent()) {
                return Optional.of(new Identifier(type, value.get()));
            }
        }
        return Optional.empty();
    }

    /** The identifier as Twilio's {@code To}. */
    static String address(Identifier identifier) {
        return PREFIX + identifier.value();
    }
}

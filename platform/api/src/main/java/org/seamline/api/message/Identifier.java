package org.seamline.api.message;

/**
 * One way to reach or recognise a person: a type ({@code email}, {@code phone}, {@code whatsapp},
 * {@code whatsappUserId}, {@code userId}, or a provider-specific type) and its value as the channel saw it.
 * Normalisation happens in the platform.
 */
public record Identifier(String type, String value) {

    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String WHATSAPP = "whatsapp";
    /**
     * A WhatsApp user's business-scoped user id (BSUID, e.g. {@code US.13491208655302741918}), for users who hide
     * their phone number behind a username: stable per business, compared exactly as written.
     */
    public static final String WHATSAPP_USER_ID = "whatsappUserId";
    public static final String USER_ID = "userId";

    public Identifier {
        type = Text.required(type, "identifier type");
        value = Text.required(value, "identifier value");
    }

    @Override
    public String toString() {
        return type + ":" + value;
    }
}

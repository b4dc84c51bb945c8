package org.seamline.context.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.seamline.api.message.Identifier;

class IdentifierNormalizerTest {

    private final IdentifierNormalizer international = new IdentifierNormalizer("");

    @Test
    void phonesBecomeE164HoweverTheyAreWritten() {
        for (String written : List.of("+7 916 123-45-67", "+7 (916) 123 45 67", "+79161234567", " +7-916-123-4567 ")) {
            assertEquals(Optional.of("+79161234567"), international.phone(written), written);
        }
    }

    @Test
    void aRememberedNumberAnswersAsParsingItAgainWould() {
        IdentifierNormalizer remembering = new IdentifierNormalizer("ru", 2);
        IdentifierNormalizer parsing = new IdentifierNormalizer("ru", 0);
        List<String> written = List.of("8 (916) 123-45-67", "not a number", "+49 30 123456", "8 (916) 123-45-67", "not a number");
        for (String number : written) {
            assertEquals(parsing.phone(number), remembering.phone(number), number);
            assertEquals(parsing.phone(number), remembering.phone(number), number + ", asked again");
        }
    }

    @Test
    void aDefaultRegionReadsNationalNumbers() {
        assertEquals(Optional.of("+79161234567"), new IdentifierNormalizer("ru").phone("8 (916) 123-45-67"));
        assertEquals(Optional.of("+4930123456"), new IdentifierNormalizer("DE").phone("030 123456"));
        assertTrue(international.phone("8 (916) 123-45-67").isEmpty(), "no region: a national number is not guessed");
    }

    @Test
    void emailsAreTrimmedAndLowerCasedAndMalformedOnesDropped() {
        assertEquals(Optional.of("anna@example.com"), international.email("  Anna@Example.COM "));
        assertTrue(international.email("anna@").isEmpty());
        assertTrue(international.email("not an email").isEmpty());
    }

    @Test
    void aWhatsAppIdIsAlsoThePhoneNumberAndRepeatsCollapse() {
        List<Identifier> normalized = international.normalize(List.of(
                new Identifier("whatsapp", "whatsapp:+7 916 123 45 67"),
                new Identifier("phone", "+79161234567"),
                new Identifier("email", "ANNA@example.com"),
                new Identifier("email", "anna@example.com"),
                new Identifier("userId", " 42 ")));

        assertEquals(List.of(new Identifier("whatsapp", "+79161234567"), new Identifier("phone", "+79161234567"),
                new Identifier("email", "anna@example.com"), new Identifier("userId", "42")), normalized);
    }

    @Test
    void anInvalidIdentifierIsDroppedNotStoredAsIs() {
        assertEquals(List.of(), international.normalize(List.of(new Identifier("phone", "call me maybe"))));
        assertEquals(Optional.empty(), international.normalize("email", "nobody"));
    }
}

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
    void everyFormOfOneMailboxIsOneKey() {
        List<String> forms = List.of("anna@example.com", "\uFF41\uFF4E\uFF4E\uFF41@\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45.com",
                "an\u200Bna@example.com", "anna@example.com.", "mailto:anna@example.com", "MAILTO:Anna@Example.COM",
                "\uFEFF anna@example.com \u200E");
        for (String form : forms) {
            assertEquals(Optional.of("anna@example.com"), international.email(form), form);
        }
    }

    @Test
    void anInternationalDomainIsKeptInPunycode() {
        assertEquals(Optional.of("anna@xn--bcher-kva.example"), international.email("anna@BÜCHER.example"));
        assertEquals(Optional.of("anna@xn--bcher-kva.example"), international.email("anna@xn--bcher-kva.example"));
    }

    @Test
    void theLocalPartIsCaseFoldedInFull() {
        assertEquals(international.email("STRASSE@example.de"), international.email("straße@example.de"));
        assertEquals(Optional.of("strasse@example.de"), international.email("Straße@example.de"));
    }

    @Test
    void anAddressWithoutBothPartsIsUnusable() {
        for (String unusable : List.of("not-an-email", "@example.com", "anna@", "anna@localhost", "an na@example.com",
                "anna@exa mple.com", "anna@-example.com", "mailto:", "\u200B@\u200B")) {
            assertEquals(Optional.empty(), international.email(unusable), unusable);
        }
    }

    @Test
    void aNumberTooShortForAnyoneIsNoPhone() {
        assertTrue(new IdentifierNormalizer("DE").phone("12345").isEmpty());
        assertTrue(international.phone("12345").isEmpty());
        assertTrue(international.phone("+12345").isEmpty());
        assertEquals(Optional.of("+79161234567"), international.phone("+7\u200B916 123 45 67"));
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

package org.seamline.crm.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhonesTest {

    private final Phones russian = new Phones("RU");

    @Test
    void readsTheFormsACustomerTableHolds() {
        for (String stored : new String[] {"8 (916) 123-45-67", "+7 916 123-45-67", "79161234567", "8-916-1234567"}) {
            assertEquals(Optional.of("+79161234567"), russian.e164(stored), stored);
        }
    }

    @Test
    void theSearchSuffixIsTheNationalNumber() {
        assertEquals(Optional.of("9161234567"), Phones.searchSuffix("+79161234567"));
        assertEquals(Optional.of("301234567"), Phones.searchSuffix("+49301234567"));
    }

    @Test
    void whatIsNoNumberMatchesNothing() {
        assertEquals(Optional.empty(), Phones.searchSuffix("+7"));
        assertEquals(Optional.empty(), Phones.searchSuffix("anna@example.com"));
        assertEquals(Optional.empty(), russian.e164("ask the front desk"));
        assertEquals("ask the front desk", russian.display("ask the front desk"));
    }

    @Test
    void theSameDigitsInAnotherCountryAreAnotherNumber() {
        assertEquals(Optional.of("+19161234567"), russian.e164("+1 916 123 4567"));
    }
}

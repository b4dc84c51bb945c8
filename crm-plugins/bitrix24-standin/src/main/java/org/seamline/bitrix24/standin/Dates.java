package org.seamline.bitrix24.standin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Dates as a Moscow portal writes them: ISO 8601 to the second with the portal's offset, {@code 2024-05-03T17:19:01+03:00}. */
final class Dates {

    static final ZoneOffset PORTAL_ZONE = ZoneOffset.ofHours(3);

    private Dates() {
    }

    static String format(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), PORTAL_ZONE)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static Instant parse(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}

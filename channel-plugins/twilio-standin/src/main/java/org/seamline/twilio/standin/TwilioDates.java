package org.seamline.twilio.standin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Twilio's date formats. The SDK parses REST dates with {@code EEE, dd MMM yyyy HH:mm:ss Z}; anything else is null. */
final class TwilioDates {

    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss '+0000'", Locale.US).withZone(ZoneOffset.UTC);
    /** The carrier delivery-report time of {@code RawDlrDoneDate}. */
    private static final DateTimeFormatter DLR_DONE =
            DateTimeFormatter.ofPattern("yyMMddHHmm", Locale.US).withZone(ZoneOffset.UTC);

    private TwilioDates() {
    }

    static String rfc2822(Instant instant) {
        return instant == null ? null : RFC_2822.format(instant);
    }

    static String dlrDone(Instant instant) {
        return DLR_DONE.format(instant);
    }
}

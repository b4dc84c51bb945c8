package org.seamline.channel.sms;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether an inbound SMS withdraws or grants consent. Twilio's Advanced Opt-Out says so itself ({@code OptOutType});
 * without it, a message that is exactly one keyword (any case, surrounding blanks and a final full stop ignored)
 * counts, so "Stop the delivery on Monday" never unsubscribes anyone.
 */
final class OptOutKeywords {

    private final Set<String> stop;
    private final Set<String> start;

    OptOutKeywords(String[] stop, String[] start) {
        this.stop = normalised(stop);
        this.start = normalised(start);
    }

    /** A {@code .cfg} file gives a list as one comma-separated value, so every value may hold several words. */
    private static Set<String> normalised(String[] words) {
        return words == null ? Set.of() : Arrays.stream(words).flatMap(w -> Arrays.stream(w.split(",")))
                .map(OptOutKeywords::normalise)
                .filter(w -> !w.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static String normalise(String text) {
        String word = text == null ? "" : text.strip();
        if (word.endsWith(".") || word.endsWith("!")) {
            word = word.substring(0, word.length() - 1).strip();
        }
        return word.toUpperCase(Locale.ROOT);
    }

    /** True to grant, false to withdraw, empty when the message says neither. */
    Optional<Boolean> consent(String optOutType, String body) {
        if (optOutType != null && !optOutType.isBlank()) {
            return switch (optOutType.strip().toUpperCase(Locale.ROOT)) {
                case "STOP" -> Optional.of(false);
                case "START" -> Optional.of(true);
                default -> Optional.empty(); // HELP: Twilio answers it; nothing changes
            };
        }
        String word = normalise(body);
        if (stop.contains(word)) {
            return Optional.of(false);
        }
        return start.contains(word) ? Optional.of(true) : Optional.empty();
    }
}

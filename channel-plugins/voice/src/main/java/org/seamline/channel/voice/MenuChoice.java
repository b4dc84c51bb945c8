package org.seamline.channel.voice;

import java.util.Locale;
import java.util.Optional;

/**
 * What a caller chose at the menu: the key pressed, else what they said, matched against the options' words of the
 * call's language. Speech recognised with a {@code Confidence} below the threshold counts as not understood; after
 * the last attempt a caller who was not understood goes to an agent.
 */
final class MenuChoice {

    private MenuChoice() {
    }

    /** What Twilio's {@code <Gather>} sent: {@code Digits}, else {@code SpeechResult} with its {@code Confidence}. */
    record Input(String digits, String speech, Double confidence) {

        static Input of(String digits, String speech, String confidence) {
            return new Input(blankToNull(digits), blankToNull(speech), parse(confidence));
        }

        /** How the caller answered, for the call's record: {@code dtmf}, {@code speech} or {@code none}. */
        String mode() {
            return digits != null ? "dtmf" : speech != null ? "speech" : "none";
        }

        private static Double parse(String confidence) {
            try {
                return confidence == null || confidence.isBlank() ? null : Double.valueOf(confidence.strip());
            } catch (NumberFormatException e) {
                return null; // Twilio does not promise the field; an unreadable one is as good as none
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** The answer to one menu attempt. */
    sealed interface Decision permits Chosen, Retry, ToAgent {

        /** For the call's record: the option chosen, or why nothing was. */
        String outcome();
    }

    /** An option was chosen. */
    record Chosen(Ivr.Option option) implements Decision {
        @Override
        public String outcome() {
            return option.id();
        }
    }

    /** Not understood ({@code no-input}, {@code no-match}, {@code low-confidence}): the menu again. */
    record Retry(String outcome, int nextAttempt) implements Decision {
    }

    /** Not understood on the last attempt: an agent takes over. */
    record ToAgent(String outcome) implements Decision {
    }

    static Decision decide(Ivr ivr, Ivr.Language language, int attempt, Input input) {
        Optional<Ivr.Option> chosen;
        String notUnderstood;
        if (input.digits() != null) {
            chosen = ivr.byDigits(input.digits());
            notUnderstood = "no-match";
        } else if (input.speech() != null && input.confidence() != null && input.confidence() < ivr.confidenceThreshold()) {
            chosen = Optional.empty();
            notUnderstood = "low-confidence";
        } else if (input.speech() != null) {
            chosen = bySpeech(ivr, language, input.speech());
            notUnderstood = "no-match";
        } else {
            chosen = Optional.empty();
            notUnderstood = "no-input";
        }
        if (chosen.isPresent()) {
            return new Chosen(chosen.get());
        }
        return attempt < ivr.maxAttempts() ? new Retry(notUnderstood, attempt + 1) : new ToAgent(notUnderstood);
    }

    /** The first option, in configured order, one of whose words or phrases the caller said as whole words. */
    private static Optional<Ivr.Option> bySpeech(Ivr ivr, Ivr.Language language, String speech) {
        String said = " " + words(speech) + " ";
        return ivr.options().stream()
                .filter(o -> language.options().get(o.id()).words().stream().anyMatch(w -> said.contains(" " + words(w) + " ")))
                .findFirst();
    }

    /** Lower case, letters and digits only, single spaces: "Opening-hours, please." is "opening hours please". */
    private static String words(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}

package org.seamline.channel.voice;

/**
 * Where a call is in the menu, carried in the menu's URLs ({@code step}, {@code attempt}, {@code lang}) rather than
 * kept anywhere: {@code step} counts every visit of the menu in the call and names the caller's answer in the call's
 * record (a redelivered answer has the same step); {@code attempt} counts the tries since the last understood answer.
 */
record MenuStep(int step, int attempt, Ivr.Language language) {

    static MenuStep first(Ivr.Language language) {
        return new MenuStep(1, 1, language);
    }

    /** From a request's query; a missing or garbled number counts as the first. */
    static MenuStep of(String step, String attempt, Ivr.Language language) {
        return new MenuStep(positive(step), positive(attempt), language);
    }

    /** The menu again after an understood answer. */
    MenuStep again() {
        return new MenuStep(step + 1, 1, language);
    }

    /** The menu again after an answer that was not understood. */
    MenuStep retry() {
        return new MenuStep(step + 1, attempt + 1, language);
    }

    /** The menu from its first attempt in another language. */
    MenuStep in(Ivr.Language other) {
        return new MenuStep(step + 1, 1, other);
    }

    private static int positive(String value) {
        try {
            return value == null ? 1 : Math.max(1, Math.min(1000, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}

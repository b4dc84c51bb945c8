package org.seamline.twilio.standin;

import java.util.Map;

/** What a {@code <Gather>} makes of pressed keys: stop at {@code finishOnKey}, keep at most {@code numDigits}. */
final class GatherInput {

    private GatherInput() {
    }

    /** The action parameters for these keys, or an empty map when no digit was collected. */
    static Map<String, String> keys(Verb gather, String pressed) {
        String finishOnKey = gather.attribute("finishOnKey", "#");
        int numDigits = Integer.parseInt(gather.attribute("numDigits", String.valueOf(Integer.MAX_VALUE)));
        StringBuilder digits = new StringBuilder();
        String finishedOn = "";
        for (char key : pressed.toCharArray()) {
            if (!finishOnKey.isEmpty() && finishOnKey.charAt(0) == key) {
                finishedOn = String.valueOf(key);
                break;
            }
            digits.append(key);
            if (digits.length() == numDigits) {
                break;
            }
        }
        return digits.length() == 0 ? Map.of() : Map.of("Digits", digits.toString(), "FinishedOnKey", finishedOn);
    }
}

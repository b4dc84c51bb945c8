package org.seamline.channel.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

/** The menu's decisions on the built-in IVR: keys, speech in both languages, confidence, retries. */
class MenuChoiceTest {

    private final Ivr ivr = IvrFile.builtIn();
    private final Ivr.Language english = ivr.language("en-US");
    private final Ivr.Language russian = ivr.language("ru-RU");

    private MenuChoice.Decision decide(Ivr.Language language, int attempt, String digits, String speech, String confidence) {
        return MenuChoice.decide(ivr, language, attempt, MenuChoice.Input.of(digits, speech, confidence));
    }

    private static String chosen(MenuChoice.Decision decision) {
        return assertInstanceOf(MenuChoice.Chosen.class, decision).option().id();
    }

    @Test
    void aKeyChoosesItsOptionWhateverWasSaid() {
        assertEquals("hours", chosen(decide(english, 1, "1", null, null)));
        assertEquals("agent", chosen(decide(english, 3, "0", null, null)));
        assertEquals("english", chosen(decide(russian, 1, "*", null, null)));
    }

    @Test
    void speechChoosesByWholeWordsInTheCallsLanguage() {
        assertEquals("hours", chosen(decide(english, 1, null, "What are your opening hours?", "0.91")));
        assertEquals("agent", chosen(decide(english, 1, null, "Agent, please.", "0.8")));
        assertEquals("order", chosen(decide(russian, 1, null, "Где мой заказ", "0.87")));
        assertEquals("agent", chosen(decide(russian, 1, null, "ОПЕРАТОР", null)), "Confidence may be missing");
        MenuChoice.Retry retry = assertInstanceOf(MenuChoice.Retry.class, decide(english, 1, null, "shoppers", "0.9"));
        assertEquals("no-match", retry.outcome(), "a word inside another word chooses nothing");
        assertInstanceOf(MenuChoice.Retry.class, decide(english, 1, null, "оператор", "0.9"),
                "the Russian words do not choose in an English call");
    }

    @Test
    void speechBelowTheConfidenceThresholdIsNotUnderstood() {
        MenuChoice.Retry retry = assertInstanceOf(MenuChoice.Retry.class, decide(english, 1, null, "agent", "0.44"));
        assertEquals("low-confidence", retry.outcome());
        assertEquals(2, retry.nextAttempt());
        assertEquals("agent", chosen(decide(english, 1, null, "agent", "0.45")), "the threshold itself is enough");
    }

    @Test
    void noInputIsRetriedUntilTheLastAttemptThenAnAgentTakesOver() {
        MenuChoice.Retry first = assertInstanceOf(MenuChoice.Retry.class, decide(english, 1, null, null, null));
        assertEquals("no-input", first.outcome());
        assertEquals(2, first.nextAttempt());
        assertEquals(3, assertInstanceOf(MenuChoice.Retry.class, decide(english, 2, "", " ", null)).nextAttempt());
        MenuChoice.ToAgent last = assertInstanceOf(MenuChoice.ToAgent.class, decide(english, 3, null, null, null));
        assertEquals("no-input", last.outcome());
        assertEquals("no-match", assertInstanceOf(MenuChoice.ToAgent.class, decide(english, 3, "5", null, null)).outcome(),
                "a key that chooses nothing counts as not understood");
    }

    @Test
    void anUnreadableConfidenceCountsAsNone() {
        assertEquals("hours", chosen(decide(english, 1, null, "hours", "high")));
        assertEquals("speech", MenuChoice.Input.of(null, "hours", "0.9").mode());
        assertEquals("none", MenuChoice.Input.of("", null, null).mode());
    }
}

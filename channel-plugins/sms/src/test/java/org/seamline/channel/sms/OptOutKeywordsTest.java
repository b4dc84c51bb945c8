package org.seamline.channel.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OptOutKeywordsTest {

    private final OptOutKeywords keywords = new OptOutKeywords(new String[] {"STOP", "СТОП", "UNSUBSCRIBE"},
            new String[] {"START", "СТАРТ"});

    @Test
    void aMessageThatIsOneKeywordChangesConsentInEnglishAndRussian() {
        assertEquals(Optional.of(false), keywords.consent(null, " stop "));
        assertEquals(Optional.of(false), keywords.consent(null, "Стоп."));
        assertEquals(Optional.of(false), keywords.consent(null, "Unsubscribe!"));
        assertEquals(Optional.of(true), keywords.consent(null, "start"));
        assertEquals(Optional.of(true), keywords.consent("", "СТАРТ"));
    }

    @Test
    void aSentenceThatMentionsAKeywordChangesNothing() {
        assertEquals(Optional.empty(), keywords.consent(null, "Stop the delivery on Monday please"));
        assertEquals(Optional.empty(), keywords.consent(null, "stopper"));
        assertEquals(Optional.empty(), keywords.consent(null, null));
        assertEquals(Optional.empty(), keywords.consent(null, ""));
    }

    @Test
    void aListWrittenInAConfigurationFileAsOneCommaSeparatedValueCountsWordByWord() {
        OptOutKeywords fromFile = new OptOutKeywords(new String[] {"STOP, END,ОТПИСКА"}, new String[] {"START"});

        assertEquals(Optional.of(false), fromFile.consent(null, "end"));
        assertEquals(Optional.of(false), fromFile.consent(null, "отписка"));
        assertEquals(Optional.empty(), fromFile.consent(null, "stop, end"));
    }

    @Test
    void twiliosAdvancedOptOutDecidesWhenItSpeaks() {
        assertEquals(Optional.of(false), keywords.consent("STOP", "Halt"), "a custom keyword Twilio knows");
        assertEquals(Optional.of(true), keywords.consent("START", "again"));
        assertEquals(Optional.empty(), keywords.consent("HELP", "stop"), "HELP: Twilio answers, nothing changes");
    }
}

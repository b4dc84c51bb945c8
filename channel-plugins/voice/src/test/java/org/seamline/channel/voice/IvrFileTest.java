package org.seamline.channel.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IVR file: the built-in one, one of an operator's, and the mistakes that keep an instance from starting. */
class IvrFileTest {

    @TempDir
    Path etc;

    private static String builtInJson() throws IOException {
        try (InputStream in = IvrFile.class.getResourceAsStream(IvrFile.DEFAULT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String refusal(String json) {
        return assertThrows(IllegalArgumentException.class,
                () -> IvrFile.parse(json.getBytes(StandardCharsets.UTF_8), "ivr.json")).getMessage();
    }

    @Test
    void theBuiltInIvrSpeaksEnglishAndRussian() {
        Ivr ivr = IvrFile.builtIn();
        assertEquals("en-US", ivr.defaultLanguage());
        assertEquals(java.util.Set.of("en-US", "ru-RU"), ivr.languages().keySet());
        assertEquals(3, ivr.maxAttempts());
        assertEquals(Ivr.Target.QUEUE, ivr.agent().target());
        assertEquals("support", ivr.agent().address());
        assertTrue(ivr.language("ru-RU").hints().contains("оператор"));
        assertEquals(ivr.language("en-US"), ivr.language("xx-XX"), "an unknown language falls back to the default");
    }

    @Test
    void anOperatorsFileIsReadRelativeToEtc() throws IOException {
        Files.writeString(etc.resolve("ivr.json"), builtInJson().replace("\"queue\": \"support\"", "\"queue\": \"sales\""));
        assertEquals("sales", IvrFile.load("ivr.json", etc).agent().address());
        assertEquals("support", IvrFile.load(" ", etc).agent().address(), "blank is the built-in IVR");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IvrFile.load("missing.json", etc)).getMessage()
                .contains("does not exist"));
    }

    @Test
    void mistakesAreRefusedNamingTheField() throws IOException {
        String ok = builtInJson();
        assertTrue(refusal("{").contains("not valid JSON"));
        assertTrue(refusal(ok.replace("\"defaultLanguage\": \"en-US\"", "\"defaultLanguage\": \"de-DE\""))
                .contains("defaultLanguage de-DE is not one of languages"));
        assertTrue(refusal(ok.replace("\"digits\": \"2\"", "\"digits\": \"1\"")).contains("key 1 already chooses"));
        assertTrue(refusal(ok.replace("\"digits\": \"2\"", "\"digits\": \"22\"")).contains("digits must be one key"));
        assertTrue(refusal(ok.replace("\"action\": \"agent\"", "\"action\": \"transfer\"")).contains("action must be one of"));
        assertTrue(refusal(ok.replace("\"ru-RU\": {", "\"russian\": {")).contains("language russian is not a language tag"));
        assertTrue(refusal(ok.replace("\"goodbye\": \"Спасибо. До свидания.\",", "")).contains("ru-RU: prompts.goodbye is required"));
        assertTrue(refusal(ok.replace("\"target\": \"queue\"", "\"target\": \"number\""))
                .contains("number is required"));
        assertTrue(refusal(ok.replace("\"confidenceThreshold\": 0.45", "\"confidenceThreshold\": 45"))
                .contains("confidenceThreshold must be between 0 and 1"));
        assertTrue(refusal(ok.replace("\"answer\": \"Мы работаем", "\"answr\": \"Мы работаем"))
                .contains("ru-RU: options.hours.answer is required"));
    }
}

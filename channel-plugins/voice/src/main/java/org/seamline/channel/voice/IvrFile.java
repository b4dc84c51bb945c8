package org.seamline.channel.voice;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.seamline.core.http.Json;

/**
 * Reads and checks an IVR file (JSON, the format in {@code voice-channel.md}); the built-in one is
 * {@code default-ivr.json} beside this class. Every mistake is an {@link IllegalArgumentException} that names the
 * field, so an instance with a broken menu refuses to start instead of confusing callers.
 */
final class IvrFile {

    static final String DEFAULT = "default-ivr.json";
    /** How Twilio's {@code <Say>} and {@code <Gather>} name languages: {@code en-US}, {@code ru-RU}, {@code cmn-Hans-CN}. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Z][a-z]{3})?-[A-Z]{2}");
    /** {@code alice}, {@code man}, {@code Polly.Tatyana}, {@code Google.ru-RU-Standard-A}. */
    private static final Pattern VOICE = Pattern.compile("[A-Za-z][A-Za-z0-9.\\-]{1,63}");
    private static final Set<String> PROMPTS = Set.of("greeting", "menu", "notUnderstood", "connecting",
            "queuePosition", "hold", "voicemail", "goodbye", "apology");

    private IvrFile() {
    }

    /** The built-in IVR (English and Russian). */
    static Ivr builtIn() {
        try (InputStream in = IvrFile.class.getResourceAsStream(DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT + " is missing from the bundle");
            }
            return parse(in.readAllBytes(), "the built-in IVR");
        } catch (IOException e) {
            throw new IllegalStateException(DEFAULT + " is not readable", e);
        }
    }

    /**
     * The IVR of a setting: the built-in one when blank, else the file, relative to {@code etcDir} unless absolute.
     */
    static Ivr load(String setting, Path etcDir) {
        if (setting == null || setting.isBlank()) {
            return builtIn();
        }
        Path file = etcDir.resolve(setting.strip());
        try {
            return parse(Files.readAllBytes(file), "IVR file " + file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("IVR file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("IVR file " + file + " is not readable: " + e.getClass().getSimpleName());
        }
    }

    static Ivr parse(byte[] json, String what) {
        JsonNode root;
        try {
            root = Json.read(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getMessage());
        }
        try {
            return ivr(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    private static Ivr ivr(JsonNode root) {
        if (!root.isObject()) {
            throw new IllegalArgumentException("the file must hold one JSON object");
        }
        List<Ivr.Option> options = options(root.path("options"));
        Map<String, Ivr.Language> languages = new LinkedHashMap<>();
        JsonNode languageNodes = root.path("languages");
        if (!languageNodes.isObject() || languageNodes.isEmpty()) {
            throw new IllegalArgumentException("languages must name at least one language, e.g. \"en-US\"");
        }
        languageNodes.fields().forEachRemaining(e -> languages.put(e.getKey(), language(e.getKey(), e.getValue(), options)));
        String defaultLanguage = text(root, "defaultLanguage", true);
        if (!languages.containsKey(defaultLanguage)) {
            throw new IllegalArgumentException("defaultLanguage " + defaultLanguage + " is not one of languages " + languages.keySet());
        }
        for (Ivr.Option option : options) {
            if (option.action() == Ivr.Action.LANGUAGE && !languages.containsKey(option.language())) {
                throw new IllegalArgumentException("option " + option.id() + " switches to " + option.language()
                        + ", which is not one of languages " + languages.keySet());
            }
        }
        double threshold = root.path("confidenceThreshold").asDouble(0.45);
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("confidenceThreshold must be between 0 and 1");
        }
        return new Ivr(defaultLanguage, threshold, number(root, "maxAttempts", 3, 1, 10),
                number(root, "inputTimeoutSeconds", 5, 1, 60), agent(root.path("agent")), voicemail(root.path("voicemail")),
                options, languages);
    }

    private static List<Ivr.Option> options(JsonNode nodes) {
        if (!nodes.isArray() || nodes.isEmpty()) {
            throw new IllegalArgumentException("options must list at least one option");
        }
        List<Ivr.Option> options = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode node : nodes) {
            String id = text(node, "id", true);
            if (!ids.add(id)) {
                throw new IllegalArgumentException("option id " + id + " is used twice");
            }
            String digits = text(node, "digits", false);
            if (digits != null && !digits.matches("[0-9*]")) {
                throw new IllegalArgumentException("option " + id + ": digits must be one key, 0-9 or *");
            }
            if (digits != null && !keys.add(digits)) {
                throw new IllegalArgumentException("option " + id + ": key " + digits + " already chooses another option");
            }
            Ivr.Action action = choice(Ivr.Action.class, text(node, "action", true), "option " + id + ": action");
            String then = text(node, "then", false);
            options.add(new Ivr.Option(id, digits, action,
                    then == null ? Ivr.Then.MENU : choice(Ivr.Then.class, then, "option " + id + ": then"),
                    action == Ivr.Action.LANGUAGE ? text(node, "language", true) : null));
        }
        return options;
    }

    private static Ivr.Language language(String tag, JsonNode node, List<Ivr.Option> options) {
        if (!LANGUAGE_TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("language " + tag + " is not a language tag as Twilio writes them (e.g. en-US, ru-RU)");
        }
        String voice = text(node, "voice", false);
        if (voice != null && !VOICE.matcher(voice).matches()) {
            throw new IllegalArgumentException(tag + ": voice " + voice + " is not a Twilio voice name (e.g. Polly.Tatyana)");
        }
        JsonNode prompts = node.path("prompts");
        prompts.fieldNames().forEachRemaining(name -> {
            if (!PROMPTS.contains(name)) {
                throw new IllegalArgumentException(tag + ": prompts." + name + " is not a prompt; they are " + PROMPTS);
            }
        });
        String where = tag + ": prompts";
        Ivr.Prompts texts = new Ivr.Prompts(prompt(prompts, "greeting", where), prompt(prompts, "menu", where),
                prompt(prompts, "notUnderstood", where), prompt(prompts, "connecting", where),
                prompt(prompts, "queuePosition", where), prompt(prompts, "hold", where), prompt(prompts, "voicemail", where),
                prompt(prompts, "goodbye", where), prompt(prompts, "apology", where));
        Map<String, Ivr.OptionText> optionTexts = new LinkedHashMap<>();
        for (Ivr.Option option : options) {
            JsonNode text = node.path("options").path(option.id());
            List<String> words = new ArrayList<>();
            text.path("words").forEach(w -> words.add(w.asText().strip().toLowerCase(Locale.ROOT)));
            words.removeIf(String::isEmpty);
            String answer = text(text, "answer", false);
            if (option.action() == Ivr.Action.ANSWER && answer == null) {
                throw new IllegalArgumentException(tag + ": options." + option.id() + ".answer is required");
            }
            if (option.digits() == null && words.isEmpty()) {
                throw new IllegalArgumentException(tag + ": option " + option.id() + " has neither a key nor words");
            }
            optionTexts.put(option.id(), new Ivr.OptionText(List.copyOf(words), answer));
        }
        return new Ivr.Language(tag, voice, texts, optionTexts);
    }

    private static Ivr.Agent agent(JsonNode node) {
        Ivr.Target target = choice(Ivr.Target.class, node.path("target").asText("queue"), "agent.target");
        String address = text(node, switch (target) {
            case QUEUE -> "queue";
            case NUMBER -> "number";
            case CLIENT -> "client";
        }, true);
        if (target == Ivr.Target.NUMBER && !address.matches("\\+[1-9][0-9]{6,14}")) {
            throw new IllegalArgumentException("agent.number must be in E.164, e.g. +74951234567");
        }
        String music = text(node, "holdMusicUrl", false);
        if (music != null && !music.matches("https?://\\S+")) {
            throw new IllegalArgumentException("agent.holdMusicUrl must be an http(s) URL");
        }
        return new Ivr.Agent(target, address, number(node, "dialTimeoutSeconds", 20, 5, 600),
                number(node, "maxQueueWaitSeconds", 180, 10, 3600), music);
    }

    private static Ivr.Voicemail voicemail(JsonNode node) {
        // Twilio transcribes recordings of at most 120 s.
        return new Ivr.Voicemail(number(node, "maxLengthSeconds", 120, 5, 3600), node.path("transcribe").asBoolean(true));
    }

    private static String prompt(JsonNode prompts, String name, String where) {
        String value = text(prompts, name, false);
        if (value == null) {
            throw new IllegalArgumentException(where + "." + name + " is required");
        }
        return value;
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.asText().isBlank()) {
            if (required) {
                throw new IllegalArgumentException(field + " is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be text");
        }
        return value.asText().strip();
    }

    private static int number(JsonNode node, String field, int fallback, int min, int max) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw new IllegalArgumentException(field + " must be a whole number from " + min + " to " + max);
        }
        return value.asInt();
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String what) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(what + " must be one of " + Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }
}

package org.seamline.channel.voice;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The menu a caller hears, from configuration ({@link IvrFile}): prompts and answers per language, the options a key
 * or a spoken word chooses, how forgiving recognition is, and where an agent is reached.
 *
 * @param defaultLanguage     the language a call starts in, e.g. {@code en-US}
 * @param confidenceThreshold speech recognised with a lower {@code Confidence} counts as not understood
 * @param maxAttempts         menu attempts before a caller who is not understood goes to an agent
 * @param inputTimeoutSeconds how long the menu waits for a key or speech
 */
record Ivr(String defaultLanguage, double confidenceThreshold, int maxAttempts, int inputTimeoutSeconds, Agent agent,
           Voicemail voicemail, List<Option> options, Map<String, Language> languages) {

    /** What an option does. */
    enum Action { ANSWER, AGENT, VOICEMAIL, LANGUAGE }

    /** Where a self-service answer goes next. */
    enum Then { MENU, HANGUP }

    /** How an agent is reached. */
    enum Target { QUEUE, NUMBER, CLIENT }

    /**
     * @param digits   the one key (0–9 or *) that chooses it; null when only speech does
     * @param language for {@link Action#LANGUAGE}: the language to switch to
     */
    record Option(String id, String digits, Action action, Then then, String language) {
    }

    /**
     * @param address            the queue name, the phone number (E.164) or the client identity
     * @param maxQueueWaitSeconds a caller waiting longer leaves the queue for voicemail
     * @param holdMusicUrl       played while waiting; silence when absent
     */
    record Agent(Target target, String address, int dialTimeoutSeconds, int maxQueueWaitSeconds, String holdMusicUrl) {
    }

    record Voicemail(int maxLengthSeconds, boolean transcribe) {
    }

    /**
     * Everything said in one language. {@code queuePosition} may hold {@code {position}}.
     *
     * @param voice a Twilio voice such as {@code Polly.Tatyana}; null for Twilio's default
     */
    record Language(String tag, String voice, Prompts prompts, Map<String, OptionText> options) {

        /** The words that choose options, as speech recognition hints. */
        String hints() {
            return String.join(", ", options.values().stream().flatMap(o -> o.words().stream()).distinct().toList());
        }
    }

    record Prompts(String greeting, String menu, String notUnderstood, String connecting, String queuePosition,
                   String hold, String voicemail, String goodbye, String apology) {
    }

    /**
     * @param words  spoken words or phrases that choose the option (matched in lower case, as whole words)
     * @param answer what a self-service option says; null for others
     */
    record OptionText(List<String> words, String answer) {
    }

    /** The language of this tag, or the default one for an unknown or missing tag (a URL's {@code lang}). */
    Language language(String tag) {
        Language found = tag == null ? null : languages.get(tag);
        return found != null ? found : languages.get(defaultLanguage);
    }

    Optional<Option> byDigits(String digits) {
        return options.stream().filter(o -> o.digits() != null && o.digits().equals(digits)).findFirst();
    }
}

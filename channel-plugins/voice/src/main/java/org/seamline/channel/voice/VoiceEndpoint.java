package org.seamline.channel.voice;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The webhooks of a voice instance, {@code /hooks/voice/<instance>/<path>}. */
enum VoiceEndpoint {
    /** The number's Voice URL: a call comes in. */
    INCOMING,
    MENU,
    /** The menu's {@code <Gather>} action. */
    ROUTE,
    /** The queue's {@code waitUrl}, asked again and again while the caller waits. */
    HOLD,
    QUEUE_RESULT,
    DIAL_RESULT,
    /** The voicemail {@code <Record>} action. */
    VOICEMAIL_DONE,
    RECORDING_STATUS,
    TRANSCRIPTION,
    /** The number's call status callback. */
    STATUS,
    /** The number's fallback URL: answered from configuration alone. */
    FALLBACK;

    String path() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Set<String> paths() {
        return Arrays.stream(values()).map(VoiceEndpoint::path).collect(Collectors.toSet());
    }

    static Optional<VoiceEndpoint> of(String path) {
        return Arrays.stream(values()).filter(e -> e.path().equals(path)).findFirst();
    }
}

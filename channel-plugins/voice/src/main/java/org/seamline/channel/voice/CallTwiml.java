package org.seamline.channel.voice;

import static org.seamline.channel.voice.TwimlWriter.verb;

import java.util.ArrayList;
import java.util.List;
import org.seamline.channel.twilio.PublicBaseUrl;
import org.seamline.channel.voice.TwimlWriter.Verb;

/**
 * The TwiML documents of a call, from the IVR and this instance's public URLs. Every action URL is absolute under
 * {@code publicBaseUrl} and carries where the call is ({@link MenuStep}, the language), so no call state is kept
 * between requests.
 */
final class CallTwiml {

    /** Seconds of silence between hold announcements when no hold music is configured. */
    private static final int HOLD_PAUSE_SECONDS = 10;

    private final Ivr ivr;
    private final PublicBaseUrl base;
    private final String instance;

    CallTwiml(Ivr ivr, PublicBaseUrl base, String instance) {
        this.ivr = ivr;
        this.base = base;
        this.instance = instance;
    }

    /** The greeting, then the menu's first attempt. */
    String greeting(Ivr.Language language) {
        return TwimlWriter.response(List.of(say(language, language.prompts().greeting()),
                redirect(menuUrl(MenuStep.first(language)))));
    }

    /**
     * One attempt of the menu: keys or speech in the call's language, with the options' words as hints. The action
     * is called even when the caller said nothing, so this plugin counts the attempts.
     */
    String menu(MenuStep step) {
        Ivr.Language language = step.language();
        return TwimlWriter.response(List.of(verb("Gather").attr("input", "dtmf speech")
                .attr("action", url(VoiceEndpoint.ROUTE, step, language)).attr("method", "POST")
                .attr("numDigits", 1).attr("timeout", ivr.inputTimeoutSeconds()).attr("speechTimeout", "auto")
                .attr("language", language.tag()).attr("hints", language.hints()).attr("actionOnEmptyResult", true)
                .child(say(language, language.prompts().menu()))));
    }

    /** A self-service answer, then the menu again or goodbye. */
    String answer(MenuStep step, String answer, Ivr.Then then) {
        return TwimlWriter.response(List.of(say(step.language(), answer),
                then == Ivr.Then.MENU ? redirect(menuUrl(step.again())) : verb("Hangup")));
    }

    /** "Sorry, I didn't get that", then the menu's next attempt. */
    String retry(MenuStep step) {
        return TwimlWriter.response(List.of(say(step.language(), step.language().prompts().notUnderstood()),
                redirect(menuUrl(step.retry()))));
    }

    /** The menu from its first attempt, in another language. */
    String menuIn(MenuStep step, Ivr.Language other) {
        return TwimlWriter.response(List.of(redirect(menuUrl(step.in(other)))));
    }

    /** To an agent: into the queue (hold messages from {@code hold}), or dialling a number or a client. */
    String agent(Ivr.Language language) {
        Ivr.Agent agent = ivr.agent();
        Verb connect;
        if (agent.target() == Ivr.Target.QUEUE) {
            connect = verb("Enqueue").attr("action", url(VoiceEndpoint.QUEUE_RESULT, null, language)).attr("method", "POST")
                    .attr("waitUrl", url(VoiceEndpoint.HOLD, null, language)).attr("waitUrlMethod", "POST")
                    .text(agent.address());
        } else {
            connect = verb("Dial").attr("action", url(VoiceEndpoint.DIAL_RESULT, null, language)).attr("method", "POST")
                    .attr("timeout", agent.dialTimeoutSeconds()).attr("answerOnBridge", true)
                    .child(verb(agent.target() == Ivr.Target.NUMBER ? "Number" : "Client").text(agent.address()));
        }
        return TwimlWriter.response(List.of(say(language, language.prompts().connecting()), connect));
    }

    /**
     * While waiting in the queue (Twilio asks again when this ends): the caller's position and the hold message, or
     * {@code <Leave/>} once they waited the maximum, which sends them to voicemail.
     */
    String hold(Ivr.Language language, String queuePosition, int waitedSeconds) {
        if (waitedSeconds >= ivr.agent().maxQueueWaitSeconds()) {
            return TwimlWriter.response(List.of(verb("Leave")));
        }
        List<Verb> verbs = new ArrayList<>();
        if (queuePosition != null && queuePosition.matches("[0-9]{1,6}")) {
            verbs.add(say(language, language.prompts().queuePosition().replace("{position}", queuePosition)));
        }
        verbs.add(say(language, language.prompts().hold()));
        verbs.add(ivr.agent().holdMusicUrl() != null ? verb("Play").text(ivr.agent().holdMusicUrl())
                : verb("Pause").attr("length", HOLD_PAUSE_SECONDS));
        return TwimlWriter.response(verbs);
    }

    /** The voicemail prompt and the recording, transcribed if configured; its callbacks come to this instance. */
    String voicemail(Ivr.Language language) {
        return voicemail(language, language.prompts().voicemail());
    }

    /**
     * What Twilio's fallback URL answers when the main URL failed: an apology and voicemail, from configuration
     * alone (no database: it may be the reason the main URL failed).
     */
    String fallback(Ivr.Language language) {
        return voicemail(language, language.prompts().apology() + " " + language.prompts().voicemail());
    }

    private String voicemail(Ivr.Language language, String prompt) {
        Verb record = verb("Record").attr("action", url(VoiceEndpoint.VOICEMAIL_DONE, null, language)).attr("method", "POST")
                .attr("maxLength", ivr.voicemail().maxLengthSeconds()).attr("finishOnKey", "#").attr("playBeep", true)
                .attr("recordingStatusCallback", url(VoiceEndpoint.RECORDING_STATUS, null, null))
                .attr("recordingStatusCallbackEvent", "completed absent");
        if (ivr.voicemail().transcribe()) {
            record.attr("transcribe", true).attr("transcribeCallback", url(VoiceEndpoint.TRANSCRIPTION, null, null));
        }
        return TwimlWriter.response(List.of(say(language, prompt), record));
    }

    String goodbye(Ivr.Language language) {
        return TwimlWriter.response(List.of(say(language, language.prompts().goodbye()), verb("Hangup")));
    }

    String hangup() {
        return TwimlWriter.response(List.of(verb("Hangup")));
    }

    private String menuUrl(MenuStep step) {
        return url(VoiceEndpoint.MENU, step, step.language());
    }

    /** {@code <base>/hooks/voice/<instance>/<endpoint>?step=S&attempt=N&lang=L}, each part only when it applies. */
    private String url(VoiceEndpoint endpoint, MenuStep step, Ivr.Language language) {
        StringBuilder query = new StringBuilder();
        if (step != null) {
            query.append("step=").append(step.step()).append("&attempt=").append(step.attempt());
        }
        if (language != null) {
            query.append(query.isEmpty() ? "" : "&").append("lang=").append(language.tag());
        }
        return base.resolve("/hooks/" + VoiceChannel.KIND + "/" + instance + "/" + endpoint.path()
                + (query.isEmpty() ? "" : "?" + query));
    }

    private static Verb redirect(String url) {
        return verb("Redirect").attr("method", "POST").text(url);
    }

    private static Verb say(Ivr.Language language, String text) {
        return verb("Say").attr("language", language.tag()).attr("voice", language.voice()).text(text);
    }
}

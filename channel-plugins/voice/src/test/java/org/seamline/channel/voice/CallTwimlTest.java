package org.seamline.channel.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.seamline.channel.twilio.PublicBaseUrl;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The TwiML of each step, read back as XML the way Twilio reads it. */
class CallTwimlTest {

    private static final String HOOKS = "https://hooks.example.com/hooks/voice/main/";

    private final Ivr ivr = IvrFile.builtIn();
    private final CallTwiml twiml = new CallTwiml(ivr, PublicBaseUrl.of("https://hooks.example.com/"), "main");
    private final Ivr.Language english = ivr.language("en-US");
    private final Ivr.Language russian = ivr.language("ru-RU");

    private static String at(String xml, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, parse(xml));
    }

    private static int count(String xml, String xpath) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, parse(xml), XPathConstants.NODESET)).getLength();
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theGreetingLeadsToTheMenusFirstAttempt() throws Exception {
        String xml = twiml.greeting(english);
        assertEquals("Thank you for calling. Calls may be recorded.", at(xml, "/Response/Say"));
        assertEquals("en-US", at(xml, "/Response/Say/@language"));
        assertEquals(HOOKS + "menu?step=1&attempt=1&lang=en-US", at(xml, "/Response/Redirect"));
    }

    @Test
    void theMenuGathersKeysAndSpeechInTheCallsLanguageAndAlwaysCallsBack() throws Exception {
        String xml = twiml.menu(new MenuStep(4, 2, russian));
        assertEquals("dtmf speech", at(xml, "/Response/Gather/@input"));
        assertEquals(HOOKS + "route?step=4&attempt=2&lang=ru-RU", at(xml, "/Response/Gather/@action"));
        assertEquals("true", at(xml, "/Response/Gather/@actionOnEmptyResult"));
        assertEquals("ru-RU", at(xml, "/Response/Gather/@language"));
        assertEquals("1", at(xml, "/Response/Gather/@numDigits"));
        assertEquals("auto", at(xml, "/Response/Gather/@speechTimeout"));
        assertTrue(at(xml, "/Response/Gather/@hints").contains("оператор"));
        assertEquals("ru-RU", at(xml, "/Response/Gather/Say/@language"));
        assertTrue(at(xml, "/Response/Gather/Say").startsWith("Чтобы узнать часы работы"));
    }

    @Test
    void anAnswerReturnsToTheMenuOrEndsTheCall() throws Exception {
        String again = twiml.answer(new MenuStep(1, 3, english), "We are open.", Ivr.Then.MENU);
        assertEquals("We are open.", at(again, "/Response/Say"));
        assertEquals(HOOKS + "menu?step=2&attempt=1&lang=en-US", at(again, "/Response/Redirect"),
                "an understood answer starts the attempts again");
        String done = twiml.answer(MenuStep.first(english), "Bye.", Ivr.Then.HANGUP);
        assertEquals(1, count(done, "/Response/Hangup"));
        assertEquals(0, count(done, "/Response/Redirect"));
    }

    @Test
    void notUnderstoodSaysSorryAndCountsTheAttempt() throws Exception {
        String xml = twiml.retry(new MenuStep(2, 2, english));
        assertEquals("Sorry, I didn't get that.", at(xml, "/Response/Say"));
        assertEquals(HOOKS + "menu?step=3&attempt=3&lang=en-US", at(xml, "/Response/Redirect"));
        assertEquals(HOOKS + "menu?step=3&attempt=1&lang=ru-RU",
                at(twiml.menuIn(new MenuStep(2, 1, english), russian), "/Response/Redirect"));
    }

    @Test
    void anAgentIsReachedThroughTheQueueWithHoldMessagesUntilTheMaximumWait() throws Exception {
        String xml = twiml.agent(english);
        assertEquals("Connecting you to an agent.", at(xml, "/Response/Say"));
        assertEquals("support", at(xml, "/Response/Enqueue"));
        assertEquals(HOOKS + "hold?lang=en-US", at(xml, "/Response/Enqueue/@waitUrl"));
        assertEquals(HOOKS + "queue-result?lang=en-US", at(xml, "/Response/Enqueue/@action"));

        String waiting = twiml.hold(russian, "3", 40);
        assertEquals("Ваш номер в очереди: 3.", at(waiting, "/Response/Say[1]"));
        assertEquals("10", at(waiting, "/Response/Pause/@length"));
        assertEquals(1, count(twiml.hold(english, "3", 180), "/Response/Leave"), "180 s is the built-in maximum");
        assertEquals(1, count(twiml.hold(english, null, 0), "/Response/Say"), "no position, no position said");
    }

    @Test
    void anAgentNumberOrClientIsDialledWithTheResultComingBack() throws Exception {
        Ivr dialling = new Ivr(ivr.defaultLanguage(), ivr.confidenceThreshold(), ivr.maxAttempts(), ivr.inputTimeoutSeconds(),
                new Ivr.Agent(Ivr.Target.CLIENT, "agent_42", 25, 180, null), ivr.voicemail(), ivr.options(), ivr.languages());
        String xml = new CallTwiml(dialling, PublicBaseUrl.of("https://hooks.example.com"), "main").agent(english);
        assertEquals("agent_42", at(xml, "/Response/Dial/Client"));
        assertEquals("25", at(xml, "/Response/Dial/@timeout"));
        assertEquals(HOOKS + "dial-result?lang=en-US", at(xml, "/Response/Dial/@action"));
    }

    @Test
    void voicemailRecordsWithTranscriptionAndCallbacksAndTheFallbackNeedsNothingElse() throws Exception {
        String xml = twiml.voicemail(english);
        assertEquals(HOOKS + "voicemail-done?lang=en-US", at(xml, "/Response/Record/@action"));
        assertEquals("true", at(xml, "/Response/Record/@transcribe"));
        assertEquals(HOOKS + "transcription", at(xml, "/Response/Record/@transcribeCallback"));
        assertEquals(HOOKS + "recording-status", at(xml, "/Response/Record/@recordingStatusCallback"));
        assertEquals("completed absent", at(xml, "/Response/Record/@recordingStatusCallbackEvent"));
        assertEquals("120", at(xml, "/Response/Record/@maxLength"));
        assertEquals("#", at(xml, "/Response/Record/@finishOnKey"));

        String fallback = twiml.fallback(english);
        assertTrue(at(fallback, "/Response/Say").startsWith("We are sorry, we cannot take your call right now."));
        assertEquals(HOOKS + "voicemail-done?lang=en-US", at(fallback, "/Response/Record/@action"));
    }
}

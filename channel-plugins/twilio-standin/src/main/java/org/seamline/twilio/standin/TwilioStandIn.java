package org.seamline.twilio.standin;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A local Twilio for tests: the REST API for messages and calls on 127.0.0.1, signed status callbacks, simulated
 * inbound webhooks and a call driver that follows TwiML. See README.md for what it implements and what not.
 */
public final class TwilioStandIn implements AutoCloseable {

    static final String API_VERSION = "2010-04-01";
    static final String WHATSAPP_PREFIX = "whatsapp:";

    private final String accountSid;
    private final String authToken;
    private final HttpServer server;
    private final ExecutorService serverThreads;
    private final String apiBaseUrl;
    private final Credentials credentials;
    private final CreateFailures failures = new CreateFailures();
    private final MediaStore media = new MediaStore();
    private final WhatsAppWindow window = new WhatsAppWindow();
    private final Webhooks webhooks;
    private final StatusCallbacks statusCallbacks;
    private final MessageDesk messages;
    private final CallDesk calls;
    private final InboundMessages inbound;
    private volatile Clock clock = Clock.systemUTC();

    private TwilioStandIn(String accountSid, String authToken) throws IOException {
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.credentials = new Credentials(accountSid, authToken);
        this.webhooks = new Webhooks(authToken);
        this.statusCallbacks = new StatusCallbacks(webhooks, this::now);
        this.messages = new MessageDesk(accountSid, this::now, window, statusCallbacks);
        this.calls = new CallDesk(accountSid, this::now);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.serverThreads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "twilio-standin-api");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(serverThreads);
        server.createContext("/", new RestApi(credentials, failures, messages, calls, media));
        server.start();
        this.apiBaseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        this.inbound = new InboundMessages(accountSid, media, apiBaseUrl);
    }

    /** Starts a stand-in for one account on a free port of 127.0.0.1. */
    public static TwilioStandIn start(String accountSid, String authToken) {
        try {
            return new TwilioStandIn(accountSid, authToken);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Twilio stand-in", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: where the plugins send their REST requests instead of api.twilio.com. */
    public String apiBaseUrl() {
        return apiBaseUrl;
    }

    public String accountSid() {
        return accountSid;
    }

    public String authToken() {
        return authToken;
    }

    /** Registers an API key: REST requests may then authenticate as {@code keySid:secret}. */
    public void addApiKey(String keySid, String secret) {
        credentials.addApiKey(keySid, secret);
    }

    // --- REST ---

    /** Every accepted message create, in order. */
    public List<CreatedMessage> messages() {
        return messages.accepted();
    }

    /** The first accepted message that matches; throws AssertionError when none was created in time. */
    public CreatedMessage awaitMessage(Predicate<CreatedMessage> which, Duration timeout) {
        return messages.await(which, timeout);
    }

    /** Every accepted call create, in order. */
    public List<CreatedCall> calls() {
        return calls.accepted();
    }

    /** The next {@code count} creates (messages or calls) are refused with this error, and nothing is stored. */
    public void failNextCreates(int count, int httpStatus, int code, String message, Integer retryAfterSeconds) {
        failures.add(count, new ApiError(httpStatus, code, message, retryAfterSeconds), false);
    }

    /** The next {@code count} creates are stored and sent, yet answered with this status: the duplicate-send trap. */
    public void acceptThenFailNextCreates(int count, int httpStatus) {
        failures.add(count, new ApiError(httpStatus, 20000 + httpStatus, "Internal Server Error"), true);
    }

    /** How status callbacks of messages created from now on are delivered. */
    public void callbackMode(CallbackMode mode) {
        statusCallbacks.mode(mode);
    }

    /** Messages to {@code to} (with or without {@code whatsapp:}) end in this status, e.g. undelivered / 30003. */
    public void finalStatusFor(String to, String status, Integer errorCode) {
        messages.finalStatusFor(to, status, errorCode);
    }

    /** The clock for resource dates, the WhatsApp window and call durations. */
    public void clock(Clock clock) {
        this.clock = clock;
    }

    /** Every asynchronous callback posted so far (message status, recording, transcription, call status). */
    public List<SentCallback> sentCallbacks() {
        return webhooks.sent();
    }

    // --- media ---

    /** Serves {@code content} under the API base URL, behind the account's Basic credentials; returns its URL. */
    public String hostMedia(byte[] content, String contentType) {
        String path = "/2010-04-01/Accounts/" + accountSid + "/Messages/" + Sids.next("MM") + "/Media/" + Sids.next("ME");
        media.put(path, content, contentType);
        return apiBaseUrl + path;
    }

    /** Serves a silent WAV recording of {@code seconds}; returns its RecordingUrl (also served with {@code .wav}). */
    String hostRecording(String recordingSid, int seconds) {
        String path = "/2010-04-01/Accounts/" + accountSid + "/Recordings/" + recordingSid;
        byte[] wav = SilentWav.of(seconds);
        media.put(path, wav, "audio/x-wav");
        media.put(path + ".wav", wav, "audio/x-wav");
        return apiBaseUrl + path;
    }

    // --- inbound webhooks ---

    /** Posts a webhook signed (or not) over exactly {@code url} and the parameters, and checks the TwiML answer. */
    public Delivery post(String url, Map<String, String> params, Signing signing) {
        return webhooks.client.send("POST", url, params, signing, true);
    }

    public Delivery inboundSms(String webhookUrl, String from, String to, String body, String... mediaUrls) {
        return post(webhookUrl, inbound.sms(from, to, body, Arrays.asList(mediaUrls)), Signing.VALID);
    }

    /** An inbound WhatsApp message; it opens (or refreshes) the 24 h window for replies to {@code fromE164}. */
    public Delivery inboundWhatsApp(String webhookUrl, String fromE164, String toE164, String body,
            Map<String, String> extra) {
        window.inbound(fromE164, toE164, now());
        return post(webhookUrl, inbound.whatsApp(fromE164, toE164, body, extra == null ? Map.of() : extra), Signing.VALID);
    }

    /** An inbound call, not yet started: call {@link CallDriver#start()} to request {@code voiceUrl}. */
    public CallDriver call(String voiceUrl, String statusCallbackUrl, String from, String to) {
        return new CallDriver(this, voiceUrl, statusCallbackUrl, from, to);
    }

    /** The {@code X-Twilio-Signature} Twilio sends for a form POST to {@code url} with these parameters. */
    public static String signature(String authToken, String url, Map<String, String> params) {
        return RequestSigner.sign(authToken, url, params);
    }

    @Override
    public void close() {
        server.stop(0);
        serverThreads.shutdownNow();
        webhooks.close();
    }

    Webhooks webhooks() {
        return webhooks;
    }

    Instant now() {
        return clock.instant();
    }

    static String withoutChannel(String address) {
        return address != null && address.startsWith(WHATSAPP_PREFIX) ? address.substring(WHATSAPP_PREFIX.length()) : address;
    }
}

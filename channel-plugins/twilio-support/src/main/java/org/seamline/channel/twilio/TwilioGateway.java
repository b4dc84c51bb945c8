package org.seamline.channel.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.seamline.core.http.RetryAfter;

/**
 * One channel instance's Twilio REST client: its own {@link TwilioRestClient} (never the SDK's static one, which all
 * bundles would share), one bounded attempt per call. Calls are serialised, as the outbox sends one message of an
 * instance at a time anyway.
 */
public final class TwilioGateway {

    private final TwilioAccount account;
    private final OneAttemptHttpClient transport;
    private final TwilioRestClient client;

    public TwilioGateway(TwilioAccount account, Duration timeout) {
        this.account = account;
        this.transport = new OneAttemptHttpClient(account.apiBaseUrl(), timeout);
        this.client = new TwilioRestClient.Builder(account.restUser(), account.restPassword())
                .accountSid(account.accountSid())
                .httpClient(transport)
                .build();
    }

    public TwilioAccount account() {
        return account;
    }

    /** Creates the message; Twilio's answer names its SID and first status ({@code queued}, {@code accepted}, ...). */
    public synchronized SentMessage send(MessageRequest request) throws TwilioFailure {
        MessageCreator creator = creator(request);
        if (request.contentSid() != null) {
            creator.setContentSid(request.contentSid());
        }
        if (request.contentVariables() != null) {
            creator.setContentVariables(request.contentVariables());
        }
        if (request.statusCallback() != null) {
            creator.setStatusCallback(request.statusCallback());
        }
        transport.idempotencyToken(request.idempotencyToken());
        try {
            Message created = creator.create(client);
            return new SentMessage(created.getSid(),
                    created.getStatus() == null ? null : created.getStatus().toString());
        } catch (TwilioException e) {
            throw failure("message", e);
        } finally {
            transport.idempotencyToken(null);
        }
    }

    private static MessageCreator creator(MessageRequest request) {
        PhoneNumber to = new PhoneNumber(request.to());
        List<URI> media = request.mediaUrls().stream().map(URI::create).toList();
        // A template-only message must carry no Body key at all: the SDK drops a null body.
        String body = request.body();
        if (request.fromService()) {
            return media.isEmpty() ? Message.creator(to, request.from(), body)
                    : Message.creator(to, request.from(), media).setBody(body);
        }
        PhoneNumber from = new PhoneNumber(request.from());
        return media.isEmpty() ? Message.creator(to, from, body) : Message.creator(to, from, media).setBody(body);
    }

    /**
     * What went wrong, said without Twilio's message text: it quotes phone numbers, which must stay out of logs and
     * dead-letter reasons.
     */
    private TwilioFailure failure(String what, TwilioException e) {
        if (e instanceof ApiException api && api.getStatusCode() != null && api.getStatusCode() > 0) {
            int status = api.getStatusCode();
            Integer code = api.getCode();
            return new TwilioFailure("Twilio refused the " + what + ": HTTP " + status
                    + (code == null ? "" : ", error " + code + " (https://www.twilio.com/docs/errors/" + code + ")"),
                    status, code, status == 429 ? RetryAfter.parse(transport.lastHeader("Retry-After")).orElse(null) : null, null);
        }
        String reason = e instanceof ApiConnectionException ? e.getMessage() : "unreadable answer from Twilio";
        return new TwilioFailure("Twilio did not take the " + what + ": " + reason, 0, null, null, null);
    }

    /** What Twilio answered to a create. */
    public record SentMessage(String sid, String status) {
    }
}

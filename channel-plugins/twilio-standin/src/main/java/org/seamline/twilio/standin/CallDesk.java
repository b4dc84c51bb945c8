package org.seamline.twilio.standin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** {@code Calls.json}: validates and stores outbound call requests. The stand-in does not dial them. */
final class CallDesk {

    private final String accountSid;
    private final Supplier<Instant> now;
    private final List<CreatedCall> accepted = new CopyOnWriteArrayList<>();
    private final Map<String, CallResource> bySid = new ConcurrentHashMap<>();

    CallDesk(String accountSid, Supplier<Instant> now) {
        this.accountSid = accountSid;
        this.now = now;
    }

    static void validate(Map<String, List<String>> form) {
        String to = FormCodec.first(form, "To");
        String from = FormCodec.first(form, "From");
        if (to == null || to.isBlank()) {
            throw ApiError.badRequest(21201, "No 'To' number is specified.");
        }
        if (from == null || from.isBlank()) {
            throw ApiError.badRequest(21213, "No 'From' number is specified.");
        }
        if (FormCodec.first(form, "Url") == null && FormCodec.first(form, "Twiml") == null
                && FormCodec.first(form, "ApplicationSid") == null) {
            throw ApiError.badRequest(21205, "Url parameter is required.");
        }
        MagicNumbers.checkCall(from, to);
    }

    CallResource create(Map<String, List<String>> form) {
        CreatedCall call = new CreatedCall(Sids.next("CA"), FormCodec.first(form, "To"), FormCodec.first(form, "From"),
                FormCodec.first(form, "Url"), FormCodec.first(form, "Twiml"), FormCodec.first(form, "StatusCallback"), form);
        CallResource resource = new CallResource(call, accountSid, now.get());
        bySid.put(call.sid(), resource);
        accepted.add(call);
        return resource;
    }

    CallResource find(String sid) {
        return bySid.get(sid);
    }

    List<CreatedCall> accepted() {
        return List.copyOf(accepted);
    }
}

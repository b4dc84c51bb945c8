package org.seamline.twilio.standin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Moves an accepted message through its lifecycle in the background and posts one signed status callback per
 * status to the message's {@code StatusCallback}, in the configured {@link CallbackMode}.
 */
final class StatusCallbacks {

    private final Webhooks webhooks;
    private final Supplier<Instant> now;
    private volatile CallbackMode mode = CallbackMode.IN_ORDER;

    StatusCallbacks(Webhooks webhooks, Supplier<Instant> now) {
        this.webhooks = webhooks;
        this.now = now;
    }

    void mode(CallbackMode mode) {
        this.mode = mode;
    }

    void start(MessageResource resource, Outcome outcome) {
        CallbackMode modeAtCreate = mode;
        webhooks.later(() -> run(resource, outcome, modeAtCreate));
    }

    private void run(MessageResource resource, Outcome outcome, CallbackMode callbackMode) {
        CreatedMessage message = resource.message;
        List<Map<String, String>> callbacks = new ArrayList<>();
        for (String status : outcome.lifecycle(message.whatsApp())) {
            Integer errorCode = status.equals(outcome.finalStatus()) ? outcome.errorCode() : null;
            Instant at = now.get();
            resource.moveTo(status, errorCode, at);
            callbacks.add(params(resource, status, errorCode, at));
        }
        if (message.statusCallback() == null || callbackMode == CallbackMode.NONE) {
            return;
        }
        if (callbackMode == CallbackMode.SHUFFLED) {
            Collections.shuffle(callbacks);
        }
        for (Map<String, String> params : callbacks) {
            String token = UUID.randomUUID().toString();
            webhooks.callback(message.statusCallback(), params, token);
            if (callbackMode == CallbackMode.DUPLICATED) {
                webhooks.callback(message.statusCallback(), params, token);
            }
        }
    }

    private static Map<String, String> params(MessageResource resource, String status, Integer errorCode, Instant at) {
        CreatedMessage message = resource.message;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", message.sid());
        params.put("SmsSid", message.sid());
        params.put("MessageStatus", status);
        params.put("SmsStatus", status);
        params.put("AccountSid", resource.accountSid);
        if (message.from() != null) {
            params.put("From", message.from());
        }
        params.put("To", message.to());
        params.put("ApiVersion", TwilioStandIn.API_VERSION);
        if (message.messagingServiceSid() != null) {
            params.put("MessagingServiceSid", message.messagingServiceSid());
        }
        if (errorCode != null) {
            params.put("ErrorCode", String.valueOf(errorCode));
        }
        if (message.whatsApp()) {
            params.put("ChannelPrefix", "whatsapp");
            params.put("ChannelToAddress", TwilioStandIn.withoutChannel(message.to()));
            if ("read".equals(status)) {
                params.put("EventType", "READ");
            }
        } else if ("delivered".equals(status) || "undelivered".equals(status)) {
            params.put("RawDlrDoneDate", TwilioDates.dlrDone(at));
        }
        return params;
    }
}

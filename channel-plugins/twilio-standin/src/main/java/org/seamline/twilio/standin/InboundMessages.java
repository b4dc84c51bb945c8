package org.seamline.twilio.standin;

import java.net.URLConnection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameters of Twilio's incoming-message webhook for SMS/MMS (§A.2) and WhatsApp (§A.3). */
final class InboundMessages {

    private static final List<String> GEO_FIELDS = List.of("FromCity", "FromState", "FromZip", "FromCountry",
            "ToCity", "ToState", "ToZip", "ToCountry");

    private final String accountSid;
    private final MediaStore media;
    private final String apiBaseUrl;

    InboundMessages(String accountSid, MediaStore media, String apiBaseUrl) {
        this.accountSid = accountSid;
        this.media = media;
        this.apiBaseUrl = apiBaseUrl;
    }

    Map<String, String> sms(String from, String to, String body, List<String> mediaUrls) {
        Map<String, String> params = common(from, to, body, mediaUrls);
        GEO_FIELDS.forEach(field -> params.put(field, ""));
        return params;
    }

    Map<String, String> whatsApp(String fromE164, String toE164, String body, Map<String, String> extra) {
        String user = TwilioStandIn.withoutChannel(fromE164);
        Map<String, String> params = common(TwilioStandIn.WHATSAPP_PREFIX + user,
                TwilioStandIn.WHATSAPP_PREFIX + TwilioStandIn.withoutChannel(toE164), body, List.of());
        params.put("WaId", user.replaceAll("\\D", ""));
        params.put("ProfileName", "WhatsApp User");
        params.put("MessageType", "text");
        params.put("ReferralNumMedia", "0");
        params.putAll(extra);
        return params;
    }

    private Map<String, String> common(String from, String to, String body, List<String> mediaUrls) {
        String sid = Sids.next(mediaUrls.isEmpty() ? "SM" : "MM");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", sid);
        params.put("SmsSid", sid);
        params.put("SmsMessageSid", sid);
        params.put("AccountSid", accountSid);
        params.put("From", from);
        params.put("To", to);
        params.put("Body", body == null ? "" : body);
        params.put("NumMedia", String.valueOf(mediaUrls.size()));
        for (int i = 0; i < mediaUrls.size(); i++) {
            params.put("MediaUrl" + i, mediaUrls.get(i));
            params.put("MediaContentType" + i, contentType(mediaUrls.get(i)));
        }
        params.put("NumSegments", String.valueOf(MessageResource.segments(body)));
        params.put("SmsStatus", "received");
        params.put("ApiVersion", TwilioStandIn.API_VERSION);
        return params;
    }

    private String contentType(String url) {
        if (url.startsWith(apiBaseUrl)) {
            MediaStore.Media hosted = media.get(url.substring(apiBaseUrl.length()));
            if (hosted != null) {
                return hosted.contentType();
            }
        }
        String guessed = URLConnection.guessContentTypeFromName(url);
        return guessed == null ? "application/octet-stream" : guessed;
    }
}

package org.seamline.channel.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signature checks with the reference's test vectors (channel-protocols.md §B.3), through the raw request. */
class TwilioWebhookTest {

    private static final String TOKEN = "12345";
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, String> PARAMS = vectorParams();

    private static Map<String, String> vectorParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Digits", "1234");
        params.put("CallSid", "CA1234567890ABCDE");
        params.put("To", "+18005551212");
        params.put("Caller", "+14158675309");
        params.put("From", "+14158675309");
        return params;
    }

    private static TwilioWebhook hook(String body, String signature) throws Exception {
        return TwilioWebhook.read(FormRequests.post(body, Map.of(TwilioWebhook.SIGNATURE_HEADER, signature,
                TwilioWebhook.IDEMPOTENCY_HEADER, "idem-1")), 64 * 1024);
    }

    @Test
    void theReferenceVectorIsAcceptedWhateverTheParameterOrder() throws Exception {
        TwilioWebhook hook = hook(FormRequests.encode(PARAMS), "RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertTrue(hook.signedBy(TOKEN, URL));
        assertEquals("+18005551212", hook.param("To"), "percent-escaped + decoded");
        assertEquals("idem-1", hook.idempotencyToken());
    }

    @Test
    void bothPortVariantsOfTheUrlAreAccepted() throws Exception {
        String body = FormRequests.encode(PARAMS);
        assertTrue(hook(body, "kvajT1Ptam85bY51eRf/AJRuM3w=").signedBy(TOKEN, URL), "Twilio signed with :443");
        assertTrue(hook(body, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
                .signedBy(TOKEN, "https://mycompany.com:443/myapp.php?foo=1&bar=2"), "we see :443, Twilio signed without");
    }

    @Test
    void anythingElseIsRefused() throws Exception {
        String body = FormRequests.encode(PARAMS);
        assertFalse(hook(body, "RSOYDt4T1cUTdK1PDd93/VVr8B8=").signedBy("54321", URL), "another token");
        assertFalse(hook(body, "RSOYDt4T1cUTdK1PDd93/VVr8B8=").signedBy(TOKEN, "https://mycompany.com/myapp.php?foo=1"),
                "another URL");
        assertFalse(hook(body.replace("1234", "1235"), "RSOYDt4T1cUTdK1PDd93/VVr8B8=").signedBy(TOKEN, URL),
                "a changed parameter");
        assertFalse(hook(body + "&AddOns=x", "RSOYDt4T1cUTdK1PDd93/VVr8B8=").signedBy(TOKEN, URL),
                "an added parameter is part of the signature");
        assertFalse(hook(body, "").signedBy(TOKEN, URL), "no signature");
        assertFalse(hook(body + "&Digits=9", "RSOYDt4T1cUTdK1PDd93/VVr8B8=").signedBy(TOKEN, URL),
                "a repeated name cannot be checked");
    }
}

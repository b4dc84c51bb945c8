package org.seamline.twilio.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.security.RequestValidator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignatureTest {

    private static final String TOKEN = "12345";
    private static final Map<String, String> VECTOR_PARAMS = Map.of("Digits", "1234", "CallSid", "CA1234567890ABCDE",
            "To", "+18005551212", "Caller", "+14158675309", "From", "+14158675309");

    @Test
    void signsTheReferenceVectorWithoutPort() {
        assertEquals("RSOYDt4T1cUTdK1PDd93/VVr8B8=",
                TwilioStandIn.signature(TOKEN, "https://mycompany.com/myapp.php?foo=1&bar=2", VECTOR_PARAMS));
    }

    @Test
    void signsTheReferenceVectorWithExplicitPort() {
        assertEquals("kvajT1Ptam85bY51eRf/AJRuM3w=",
                TwilioStandIn.signature(TOKEN, "https://mycompany.com:443/myapp.php?foo=1&bar=2", VECTOR_PARAMS));
    }

    @Test
    void signsTheJsonBodyVectorOverTheUrlAlone() {
        String hash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
        assertEquals("a9nBmqA0ju/hNViExpshrM61xv4=", TwilioStandIn.signature(TOKEN,
                "https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=" + hash, Map.of()));
        assertEquals("y77kIzt2vzLz71DgmJGsen2scGs=",
                TwilioStandIn.signature(TOKEN, "https://mycompany.com/myapp.php?bodySHA256=" + hash, Map.of()));
    }

    @Test
    void theSdkValidatorAcceptsWhatTheStandInSigns() {
        String url = "http://127.0.0.1:8123/hooks/twilio/shop/sms?step=menu&attempt=2";
        Map<String, String> params = Map.of("Body", "Grüße 👋 & more = less", "body", "lowercase sorts last",
                "From", "whatsapp:+4915112345678", "AddOns", "{\"status\":\"successful\"}", "Empty", "");
        String signature = TwilioStandIn.signature("token-abc", url, params);

        assertTrue(new RequestValidator("token-abc").validate(url, params, signature));
        assertFalse(new RequestValidator("another-token").validate(url, params, signature));
        assertFalse(new RequestValidator("token-abc").validate(url + "&x=1", params, signature));
    }
}

package org.seamline.channel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;

class ApiChannelSettingsTest {

    private static ApiChannelConfiguration config(String secret, String callbackUrl, int timeoutMillis) {
        return new ApiChannelConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ApiChannelConfiguration.class;
            }

            @Override
            public String secret() {
                return secret;
            }

            @Override
            public String callbackUrl() {
                return callbackUrl;
            }

            @Override
            public int maxBodyBytes() {
                return 1024;
            }

            @Override
            public int callbackTimeoutMillis() {
                return timeoutMillis;
            }
        };
    }

    private static String refusal(ApiChannelConfiguration config) {
        return assertThrows(IllegalArgumentException.class, () -> ApiChannelSettings.from(config)).getMessage();
    }

    @Test
    void anUnresolvedPlaceholderNeverBecomesTheSecret() {
        assertEquals("'secret' refers to a variable or secret that is not set", refusal(config("$[env:SHOP_SECRET]", "", 1000)));
        assertEquals("'secret' refers to a variable or secret that is not set", refusal(config("$[secret:shop]", "", 1000)));
    }

    @Test
    void refusesMissingSecretBadCallbackAndNonsenseLimits() {
        assertEquals("'secret' is required", refusal(config(" ", "", 1000)));
        assertEquals("'callbackUrl' must be an http(s) URL", refusal(config("s", "ftp://example.com/x", 1000)));
        assertEquals("'callbackUrl' is not a valid URL", refusal(config("s", "http://exa mple.com", 1000)));
        assertEquals("'callbackTimeoutMillis' must be at least 1", refusal(config("s", "", 0)));
    }

    @Test
    void anEmptyCallbackMeansReceiveOnly() {
        assertNull(ApiChannelSettings.from(config("s", " ", 1000)).callbackUrl());
        assertEquals("https://crm.example.com/hook",
                ApiChannelSettings.from(config("s", "https://crm.example.com/hook", 1000)).callbackUrl().toString());
    }
}

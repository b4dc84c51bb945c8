package org.seamline.crm.amocrm;

import java.lang.annotation.Annotation;

/** A configuration as ConfigAdmin would hand it over, with the metatype defaults; tests change what they need. */
final class TestConfiguration implements AmoCrmConfiguration {

    String accountUrl;
    String subdomain = "";
    String clientId = "";
    String clientSecret = "";
    String redirectUri = "";
    String authorizationCode = "";
    String refreshToken = "";
    String longLivedToken = "";
    String webhookSecret = "";
    String defaultRegion = "RU";
    double requestsPerSecond = 7.0;
    int timeoutMillis = 2_000;
    String segmentField = "";
    int pollIntervalSeconds = 60;
    String keyFile = "";

    TestConfiguration(String accountUrl) {
        this.accountUrl = accountUrl;
    }

    AmoCrmSettings settings() {
        return AmoCrmSettings.from(this);
    }

    @Override public String accountUrl() { return accountUrl; }
    @Override public String subdomain() { return subdomain; }
    @Override public String clientId() { return clientId; }
    @Override public String clientSecret() { return clientSecret; }
    @Override public String redirectUri() { return redirectUri; }
    @Override public String authorizationCode() { return authorizationCode; }
    @Override public String refreshToken() { return refreshToken; }
    @Override public String longLivedToken() { return longLivedToken; }
    @Override public String webhookSecret() { return webhookSecret; }
    @Override public String defaultRegion() { return defaultRegion; }
    @Override public double requestsPerSecond() { return requestsPerSecond; }
    @Override public int timeoutMillis() { return timeoutMillis; }
    @Override public String segmentField() { return segmentField; }
    @Override public int pollIntervalSeconds() { return pollIntervalSeconds; }
    @Override public String keyFile() { return keyFile; }

    @Override
    public Class<? extends Annotation> annotationType() {
        return AmoCrmConfiguration.class;
    }
}

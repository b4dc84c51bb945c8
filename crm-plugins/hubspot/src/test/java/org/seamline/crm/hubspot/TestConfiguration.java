package org.seamline.crm.hubspot;

import java.lang.annotation.Annotation;

/** A configuration as ConfigAdmin would hand it over, with the metatype defaults; tests change what they need. */
final class TestConfiguration implements HubSpotConfiguration {

    String baseUrl;
    String token;
    String apiVersion = "v3";
    String webhookClientSecret = "";
    String webhookUrl = "";
    String segmentProperty = "";
    String tagsProperty = "";
    String interactionIdProperty = "seamline_interaction_id";
    String defaultRegion = "RU";
    double requestsPerSecond = 9.0;
    int timeoutMillis = 2_000;
    int pollIntervalSeconds = 60;
    String dailyLimitZone = "UTC";

    TestConfiguration(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    HubSpotSettings settings() {
        return HubSpotSettings.from(this);
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public String token() {
        return token;
    }

    @Override
    public String apiVersion() {
        return apiVersion;
    }

    @Override
    public String webhookClientSecret() {
        return webhookClientSecret;
    }

    @Override
    public String webhookUrl() {
        return webhookUrl;
    }

    @Override
    public String segmentProperty() {
        return segmentProperty;
    }

    @Override
    public String tagsProperty() {
        return tagsProperty;
    }

    @Override
    public String interactionIdProperty() {
        return interactionIdProperty;
    }

    @Override
    public String defaultRegion() {
        return defaultRegion;
    }

    @Override
    public double requestsPerSecond() {
        return requestsPerSecond;
    }

    @Override
    public int timeoutMillis() {
        return timeoutMillis;
    }

    @Override
    public int pollIntervalSeconds() {
        return pollIntervalSeconds;
    }

    @Override
    public String dailyLimitZone() {
        return dailyLimitZone;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return HubSpotConfiguration.class;
    }
}

package org.seamline.crm.bitrix24;

import java.lang.annotation.Annotation;

/** A configuration as ConfigAdmin would hand it over, with the metatype defaults; tests change what they need. */
final class TestConfiguration implements Bitrix24Configuration {

    String webhookUrl;
    String applicationToken = "";
    String defaultRegion = "RU";
    double requestsPerSecond = 2.0;
    int timeoutMillis = 2_000;
    String segmentField = "";
    String tagsField = "";

    TestConfiguration(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }

    Bitrix24Settings settings() {
        return Bitrix24Settings.from(this);
    }

    @Override
    public String webhookUrl() {
        return webhookUrl;
    }

    @Override
    public String applicationToken() {
        return applicationToken;
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
    public String segmentField() {
        return segmentField;
    }

    @Override
    public String tagsField() {
        return tagsField;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return Bitrix24Configuration.class;
    }
}

package org.seamline.crm.hubspot;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Seamline HubSpot connector",
        description = "One HubSpot account, reached with a private app's (or a project app's static) access token. "
                + "File: etc/org.seamline.crm.hubspot-<instance>.cfg")
@interface HubSpotConfiguration {

    @AttributeDefinition(name = "API base URL", description = "https://api.hubapi.com, also for EU-hosted accounts")
    String baseUrl() default "https://api.hubapi.com";

    @AttributeDefinition(name = "Access token", type = AttributeType.PASSWORD,
            description = "The app's access token (pat-…); a secret: use $[env:NAME] or $[secret:name]")
    String token();

    @AttributeDefinition(name = "API version",
            description = "v3 for /crm/v3/objects/…, or a date version such as 2026-03 for /crm/objects/2026-03/…")
    String apiVersion() default "v3";

    @AttributeDefinition(name = "Webhook client secret", type = AttributeType.PASSWORD, required = false,
            description = "The app's client secret, which signs webhooks (v3); empty: notifications are refused")
    String webhookClientSecret() default "";

    @AttributeDefinition(name = "Public webhook URL", required = false,
            description = "The URL HubSpot calls, as entered in the app's webhook settings, when a proxy rewrites it; "
                    + "empty: the URL the platform reports")
    String webhookUrl() default "";

    @AttributeDefinition(name = "Segment property", required = false,
            description = "Internal name of a contact property holding the segment or VIP level, e.g. seamline_segment")
    String segmentProperty() default "";

    @AttributeDefinition(name = "Tags property", required = false,
            description = "Internal name of a multiple-checkbox contact property holding tags, e.g. seamline_tags")
    String tagsProperty() default "";

    @AttributeDefinition(name = "Interaction id property",
            description = "Internal name of the unique-value property on notes, calls, emails and communications "
                    + "that holds Seamline's interaction id")
    String interactionIdProperty() default "seamline_interaction_id";

    @AttributeDefinition(name = "Default phone region",
            description = "ISO country code for phone numbers written without a country code, e.g. RU")
    String defaultRegion() default "RU";

    @AttributeDefinition(name = "Requests per second",
            description = "The average pace: 10 fits 100 requests per 10 s (Free/Starter), 19 fits Pro and Enterprise")
    double requestsPerSecond() default 9.0;

    @AttributeDefinition(name = "Request timeout (ms)", description = "The longest one call may take, the whole answer included")
    int timeoutMillis() default 10_000;

    @AttributeDefinition(name = "Poll interval (s)", description = "How often the platform asks for changed contacts")
    int pollIntervalSeconds() default 60;

    @AttributeDefinition(name = "Daily limit time zone",
            description = "The account's time zone, where the daily API limit resets at midnight, e.g. UTC or Europe/Berlin")
    String dailyLimitZone() default "UTC";
}

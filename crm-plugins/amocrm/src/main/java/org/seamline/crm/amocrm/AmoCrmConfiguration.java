package org.seamline.crm.amocrm;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Seamline amoCRM / Kommo connector",
        description = "One amoCRM or Kommo account, reached through an integration's OAuth 2.0 tokens or a private "
                + "integration's long-lived token. File: etc/org.seamline.crm.amocrm-<instance>.cfg")
@interface AmoCrmConfiguration {

    @AttributeDefinition(name = "Account URL", description = "https://<subdomain>.amocrm.ru or https://<subdomain>.kommo.com")
    String accountUrl();

    @AttributeDefinition(name = "Account subdomain", required = false,
            description = "The subdomain webhooks name in account[subdomain]; empty: the first label of the account URL")
    String subdomain() default "";

    @AttributeDefinition(name = "Integration ID", required = false, description = "The integration's client_id (OAuth)")
    String clientId() default "";

    @AttributeDefinition(name = "Secret key", type = AttributeType.PASSWORD, required = false,
            description = "The integration's client_secret; use $[env:NAME] or $[secret:name]")
    String clientSecret() default "";

    @AttributeDefinition(name = "Redirect URI", required = false, description = "The redirect URI the integration was registered with")
    String redirectUri() default "";

    @AttributeDefinition(name = "Authorization code", type = AttributeType.PASSWORD, required = false,
            description = "A one-time code (valid 20 minutes), exchanged once for the first token pair")
    String authorizationCode() default "";

    @AttributeDefinition(name = "Initial refresh token", type = AttributeType.PASSWORD, required = false,
            description = "Instead of a code: a refresh token obtained elsewhere; it stops working once used")
    String refreshToken() default "";

    @AttributeDefinition(name = "Long-lived token", type = AttributeType.PASSWORD, required = false,
            description = "A private integration's long-lived access token, instead of OAuth")
    String longLivedToken() default "";

    @AttributeDefinition(name = "Webhook secret", type = AttributeType.PASSWORD, required = false,
            description = "The last path segment of the webhook URL /hooks/crm/amocrm/<instance>/<secret>; at least "
                    + "24 letters, digits, '-' or '_'; empty: webhooks are refused")
    String webhookSecret() default "";

    @AttributeDefinition(name = "Default phone region",
            description = "ISO country code for phone numbers written without a country code, e.g. RU")
    String defaultRegion() default "RU";

    @AttributeDefinition(name = "Requests per second", description = "amoCRM allows at most 7")
    double requestsPerSecond() default 7.0;

    @AttributeDefinition(name = "Request timeout (ms)", description = "The longest one call may take, the whole answer included")
    int timeoutMillis() default 10_000;

    @AttributeDefinition(name = "Segment field", required = false,
            description = "Id (or code) of the contact custom field holding the segment, e.g. 1234567")
    String segmentField() default "";

    @AttributeDefinition(name = "Poll interval (s)", description = "How often changes are polled; 0 turns polling off")
    int pollIntervalSeconds() default 60;

    @AttributeDefinition(name = "Key file", required = false,
            description = "The AES-256 key that seals the tokens; empty: ${seamline.home}/etc/keys/crm.amocrm.key")
    String keyFile() default "";
}

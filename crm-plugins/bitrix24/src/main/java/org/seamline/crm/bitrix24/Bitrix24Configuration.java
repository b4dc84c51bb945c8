package org.seamline.crm.bitrix24;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Seamline Bitrix24 connector",
        description = "One Bitrix24 portal, reached through an inbound webhook. "
                + "File: etc/org.seamline.crm.bitrix24-<instance>.cfg")
@interface Bitrix24Configuration {

    @AttributeDefinition(name = "Inbound webhook URL", type = AttributeType.PASSWORD,
            description = "https://<portal>/rest/<user id>/<code>/ as Bitrix24 shows it; the code is a secret: "
                    + "use $[env:NAME] or $[secret:name]")
    String webhookUrl();

    @AttributeDefinition(name = "Outgoing webhook application token", type = AttributeType.PASSWORD, required = false,
            description = "The token Bitrix24 shows for the outgoing webhook to /hooks/crm/bitrix24/<instance>; "
                    + "empty: change notifications are refused")
    String applicationToken() default "";

    @AttributeDefinition(name = "Default phone region",
            description = "ISO country code for phone numbers written without a country code, e.g. RU")
    String defaultRegion() default "RU";

    @AttributeDefinition(name = "Requests per second",
            description = "The portal's drain rate: 2 on most plans, 5 on Enterprise")
    double requestsPerSecond() default 2.0;

    @AttributeDefinition(name = "Request timeout (ms)", description = "Connect and answer timeout of one call")
    int timeoutMillis() default 10_000;

    @AttributeDefinition(name = "Segment field", required = false,
            description = "Code of the contact's custom field holding the segment or VIP level, e.g. UF_CRM_SEGMENT")
    String segmentField() default "";

    @AttributeDefinition(name = "Tags field", required = false,
            description = "Code of a multiple custom string field holding tags, e.g. UF_CRM_TAGS")
    String tagsField() default "";
}

package org.seamline.context.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Seamline customer context", description = "How customers are recognised across channels.")
@interface ContextConfiguration {

    @AttributeDefinition(name = "Default phone region", description = "ISO 3166 region (e.g. RU, DE) for phone numbers "
            + "written without a country code; empty accepts only international (+…) numbers")
    String defaultRegion() default "";

    @AttributeDefinition(name = "Identifiers per customer", description = "Beyond this no identifier is linked "
            + "automatically: a shared office number must not pull everyone into one super-customer")
    int maxIdentifiersPerCustomer() default 20;

    @AttributeDefinition(name = "Channels that merge automatically", description = "A message from one of these channels "
            + "that carries identifiers of two customers merges them (audited, reversible). Email is left out: a From "
            + "header is easily forged")
    String[] autoMergeChannels() default {"api", "sms", "whatsapp", "voice"};
}

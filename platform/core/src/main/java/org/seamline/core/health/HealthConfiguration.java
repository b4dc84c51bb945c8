package org.seamline.core.health;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Seamline health", description = "What GET /health requires to answer UP.")
@interface HealthConfiguration {

    @AttributeDefinition(name = "Required parts", description = "Health contributors that must be present and not DOWN")
    String[] required() default {"store", "ingress", "api", "inbox-processor"};
}

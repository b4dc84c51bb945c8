package org.seamline.core.ingress;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Seamline ingress", description = "How inbound messages are committed to the durable inbox.")
@interface IngressConfiguration {

    @AttributeDefinition(name = "Largest batch", description = "Messages committed together in one transaction (group commit)")
    int maxBatch() default 256;

    @AttributeDefinition(name = "Queue capacity", description = "Messages waiting for a commit; beyond it intake answers 503 at once")
    int queueCapacity() default 10_000;

    @AttributeDefinition(name = "Commit wait (ms)", description = "How long a webhook waits for its commit before it answers 503")
    long commitTimeoutMillis() default 5_000;
}

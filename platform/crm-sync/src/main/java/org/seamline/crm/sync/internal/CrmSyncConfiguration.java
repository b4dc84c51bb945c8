package org.seamline.crm.sync.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Seamline CRM sync",
        description = "How the platform keeps every enabled CRM connector in step: pacing, retries, webhook limits.")
public @interface CrmSyncConfiguration {

    @AttributeDefinition(name = "Attempts", description = "How often a task is tried against a CRM before it becomes a dead letter", min = "1")
    int maxAttempts() default 10;

    @AttributeDefinition(name = "Longest backoff (seconds)", description = "The wait between attempts doubles up to this", min = "1")
    int maxBackoffSeconds() default 600;

    @AttributeDefinition(name = "Batch", description = "Tasks taken per round per connector", min = "1", max = "500")
    int batchSize() default 50;

    @AttributeDefinition(name = "Round (milliseconds)", description = "How often each connector looks for due tasks", min = "50")
    long roundMillis() default 1000;

    @AttributeDefinition(name = "Webhook body limit (bytes)", description = "Larger CRM notifications are refused with 413", min = "1024")
    int webhookMaxBytes() default 1048576;
}

package org.seamline.context.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

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

    @AttributeDefinition(name = "Conversation continuity", description = "Which conversation a new message continues: "
            + "the customer's across channels, the one on the same channel, or the one of the channel's thread",
            options = {@Option(label = "Per customer, across channels", value = "customer"),
                    @Option(label = "Per channel", value = "channel"),
                    @Option(label = "Per thread", value = "thread")})
    String continuity() default "customer";

    @AttributeDefinition(name = "Reopen window (hours)", description = "A new message reopens a resolved conversation "
            + "resolved less than this long ago; later it opens a new one. Automatic mail never reopens")
    int reopenWindowHours() default 168;

    @AttributeDefinition(name = "Identity cache size", description = "Identifiers (and as many customers) whose owner "
            + "processing remembers between messages; 0 turns the cache off")
    int identityCacheSize() default 100_000;

    @AttributeDefinition(name = "Worker lease (seconds)", description = "With several nodes on one database, one "
            + "processes the inbox and sends replies; if it stops renewing, another takes over after this long")
    int workerLeaseSeconds() default 30;

    @AttributeDefinition(name = "First reply retry (ms)", description = "A reply a channel could not send now is "
            + "tried again after about this long, then twice as long each time (with jitter, at most 10 minutes), "
            + "8 attempts in all before it becomes a dead letter")
    int outboxFirstRetryMillis() default 1_000;

    @AttributeDefinition(name = "Change feed retention (days)", description = "Changes older than this are deleted "
            + "from the change feed, hourly. A plugin reading the feed that is stopped for longer misses what was "
            + "deleted; 0 keeps every change")
    int changeFeedRetentionDays() default 30;
}

package org.seamline.context.internal;

import java.lang.annotation.Annotation;

/** The context configuration tests run with: international numbers only, cap 20, automatic merges from the API channel. */
final class TestConfiguration {

    private TestConfiguration() {
    }

    static ContextConfiguration defaults() {
        return new ContextConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ContextConfiguration.class;
            }

            @Override
            public String defaultRegion() {
                return "";
            }

            @Override
            public int maxIdentifiersPerCustomer() {
                return 20;
            }

            @Override
            public String[] autoMergeChannels() {
                return new String[] {"api"};
            }

            @Override
            public String continuity() {
                return "customer";
            }

            @Override
            public int reopenWindowHours() {
                return 168;
            }

            @Override
            public int identityCacheSize() {
                return 100_000;
            }

            @Override
            public int workerLeaseSeconds() {
                return 30;
            }

            @Override
            public int outboxFirstRetryMillis() {
                return 1_000;
            }

            @Override
            public int changeFeedRetentionDays() {
                return 30;
            }
        };
    }
}

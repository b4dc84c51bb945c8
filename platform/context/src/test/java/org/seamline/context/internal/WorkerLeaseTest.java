package org.seamline.context.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seamline.store.Database;
import org.seamline.store.internal.TestDatabases;

/** Two nodes on one database: one works, the other stands by and takes over; on a real H2 and PostgreSQL. */
class WorkerLeaseTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void oneNodeWorksAtATimeAndAReleasedLeaseIsTakenAtOnce(String kind) throws Exception {
        Database database = TestDatabases.of(kind);
        WorkerLease first = new WorkerLease(database, "node-a", Duration.ofSeconds(30));
        WorkerLease second = new WorkerLease(database, "node-b", Duration.ofSeconds(30));

        assertTrue(first.hold());
        assertFalse(second.hold(), "the other node stands by");
        assertTrue(first.hold(), "the holder keeps it");

        first.release();
        await().atMost(Duration.ofSeconds(5)).until(second::hold);
        assertFalse(first.hold(), "and the first now stands by");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aLeaseNobodyRenewsRunsOutAndAnotherNodeTakesOver(String kind) throws Exception {
        Database database = TestDatabases.of(kind);
        WorkerLease crashed = new WorkerLease(database, "node-a", Duration.ofSeconds(2));
        WorkerLease standby = new WorkerLease(database, "node-b", Duration.ofSeconds(2));
        assertTrue(crashed.hold());
        assertFalse(standby.hold());

        // node-a never asks again, as if it had died
        await().atMost(Duration.ofSeconds(10)).until(standby::hold);
    }
}

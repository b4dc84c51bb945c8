package org.seamline.crm.bitrix24;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.seamline.api.crm.CrmException;
import org.seamline.crm.contract.StallingServer;

/** A CRM that sends the headers and then stalls the body must not hold the calling worker: the call ends, TRANSIENT. */
class StalledAnswerTest {

    @Test
    void anAnswerWhoseBodyStallsEndsAsTransient() throws Exception {
        try (StallingServer server = new StallingServer()) {
            TestConfiguration config = new TestConfiguration(server.baseUrl() + "/rest/1/stalledwebhookcode/");
            config.timeoutMillis = 500;
            Bitrix24Connector connector = new Bitrix24Connector("stalled", config.settings(), Clock.systemUTC());
            CrmException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(CrmException.class, () -> connector.profile("101")), "the call never ended");
            assertEquals(CrmException.Kind.TRANSIENT, e.kind());
        }
    }
}

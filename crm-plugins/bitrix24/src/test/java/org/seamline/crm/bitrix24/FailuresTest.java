package org.seamline.crm.bitrix24;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.seamline.api.crm.CrmConnector;
import org.seamline.api.crm.CrmException;
import org.seamline.api.crm.CrmException.Kind;
import org.seamline.api.health.Health;
import org.seamline.bitrix24.standin.Bitrix24StandIn;
import org.seamline.bitrix24.standin.Fault;

/** Every refusal of the portal becomes the CrmException kind the platform acts on, without the webhook code. */
class FailuresTest {

    private Bitrix24Fixture fixture;
    private Bitrix24StandIn standIn;
    private CrmConnector connector;
    private String code;

    @BeforeEach
    void start() {
        fixture = new Bitrix24Fixture();
        standIn = fixture.standIn();
        connector = fixture.connector();
        String url = standIn.webhookUrl();
        code = url.substring(url.lastIndexOf('/', url.length() - 2) + 1, url.length() - 1);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private CrmException failure(Executable call) {
        CrmException e = assertThrows(CrmException.class, call);
        assertFalse(e.getMessage().contains(code), "the webhook code is a secret: " + e.getMessage());
        return e;
    }

    @Test
    void theRequestLimitIsRateLimitedForASecondAndDegradesHealth() {
        fixture.rateLimitNext(1);

        CrmException e = failure(() -> connector.findByEmail("lena@example.com"));

        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofSeconds(1), e.retryAfter().orElseThrow());
        assertEquals(Health.State.DEGRADED, connector.health().state());
    }

    @Test
    void theRealBucketRefusesABurstAndTheConnectorSaysRateLimited() throws Exception {
        standIn.clock().stop();
        standIn.bucket().configure(50, 2);
        for (int i = 0; i < 50; i++) {
            connector.findByEmail("lena@example.com");
        }

        assertEquals(Kind.RATE_LIMITED, failure(() -> connector.findByEmail("lena@example.com")).kind());

        standIn.clock().advance(Duration.ofSeconds(1));
        assertEquals(List.of(), connector.findByEmail("lena@example.com"));
        assertEquals(Health.State.UP, connector.health().state());
    }

    @Test
    void theOperatingLimitIsRateLimitedUntilTheMethodResets() {
        standIn.operating().charge("crm.duplicate.findbycomm", 500);

        CrmException e = failure(() -> connector.findByEmail("lena@example.com"));

        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(Failures.OPERATING_PAUSE, e.retryAfter().orElseThrow());
    }

    @Test
    void aServerErrorIsTransientAndTakesHealthDown() {
        fixture.failNext(1);

        assertEquals(Kind.TRANSIENT, failure(() -> connector.findByPhone("+79161234567")).kind());
        assertEquals(Health.State.DOWN, connector.health().state());
    }

    @Test
    void aWrongWebhookCodeIsAuthInvalidAndAnExpiredTokenAuthExpired() throws Exception {
        TestConfiguration wrong = new TestConfiguration(standIn.wrongWebhookUrl());
        Bitrix24Connector misconfigured = new Bitrix24Connector("wrong", wrong.settings(), Clock.systemUTC());
        assertEquals(Kind.AUTH_INVALID, failure(() -> misconfigured.profile("1")).kind());
        assertEquals(Health.State.DOWN, misconfigured.health().state());

        standIn.faults().next(1, Fault.EXPIRED_TOKEN);
        assertEquals(Kind.AUTH_EXPIRED, failure(() -> connector.profile("1")).kind());
    }

    @Test
    void aMissingScopeOnTheCoreMethodIsAuthInvalid() {
        standIn.scopes("user");

        assertEquals(Kind.AUTH_INVALID, failure(() -> connector.findByEmail("lena@example.com")).kind());
    }

    @Test
    void aPortalThatNeverAnswersTimesOutAsTransient() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> holdConnections(silent), "silent-portal");
            acceptor.setDaemon(true);
            acceptor.start();
            TestConfiguration config = new TestConfiguration("http://127.0.0.1:" + silent.getLocalPort() + "/rest/1/" + code + "/");
            config.timeoutMillis = 300;
            Bitrix24Connector slow = new Bitrix24Connector("slow", config.settings(), Clock.systemUTC());

            CrmException e = failure(() -> slow.findByEmail("lena@example.com"));

            assertEquals(Kind.TRANSIENT, e.kind());
            assertEquals("Bitrix24 crm.duplicate.findbycomm: no answer within 300 ms", e.getMessage());
        }
    }

    @Test
    void aPortalThatRefusesConnectionsIsTransient() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        Bitrix24Connector unreachable = new Bitrix24Connector("down",
                new TestConfiguration("http://127.0.0.1:" + port + "/rest/1/" + code + "/").settings(), Clock.systemUTC());

        assertEquals(Kind.TRANSIENT, failure(() -> unreachable.findByEmail("lena@example.com")).kind());
    }

    @Test
    void anInvalidContactIdIsAValidationErrorWithoutACall() {
        int before = standIn.calls().size();

        assertEquals(Kind.VALIDATION, failure(() -> connector.profile("abc")).kind());
        assertEquals(before, standIn.calls().size());
    }

    /** Reads requests and never answers, until the socket closes. */
    private static void holdConnections(ServerSocket server) {
        try {
            while (true) {
                Socket socket = server.accept();
                InputStream in = socket.getInputStream();
                while (in.read() >= 0) {
                    // keep the connection open and silent
                }
            }
        } catch (IOException closed) {
            // the test is over
        }
    }
}

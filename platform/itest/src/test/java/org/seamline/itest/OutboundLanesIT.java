package org.seamline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One channel instance whose callback hangs (accepts the connection and never answers) holds up no other: an email
 * reply and another API instance's reply are delivered while it still hangs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboundLanesIT {

    private static final String SECRET = "lanes-secret";
    private static final Duration WITHIN = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    SeamlineProcess seamline;
    MailServer mail;
    ServerSocket hanging;
    final List<Socket> heldOpen = new CopyOnWriteArrayList<>();
    HttpServer receiver;
    final List<String> delivered = new CopyOnWriteArrayList<>();
    ApiChannelClient stuck;
    ApiChannelClient shop;

    @BeforeAll
    void start() throws Exception {
        hanging = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    heldOpen.add(hanging.accept()); // read nothing, answer nothing
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "hanging-callback");
        acceptor.setDaemon(true);
        acceptor.start();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/callback", exchange -> {
            exchange.getRequestBody().readAllBytes();
            delivered.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        mail = new MailServer();
        seamline = SeamlineProcess.start(dir, Map.of(MailServer.PASSWORD_VARIABLE, MailServer.PASSWORD));
        mail.configure(seamline);
        stuck = new ApiChannelClient(seamline, "stuck");
        // Far longer than the test: the attempt is still hanging when the other replies must have gone out.
        stuck.configure("secret=" + SECRET, "callbackUrl=http://127.0.0.1:" + hanging.getLocalPort() + "/callback",
                "callbackTimeoutMillis=300000");
        shop = new ApiChannelClient(seamline, "shop");
        shop.configure("secret=" + SECRET, "callbackUrl=http://127.0.0.1:" + receiver.getAddress().getPort() + "/callback");
        stuck.awaitServing();
        shop.awaitServing();
    }

    @AfterAll
    void stop() throws Exception {
        hanging.close();
        for (Socket socket : heldOpen) {
            socket.close(); // ends the hung attempt, so the platform need not wait it out to stop
        }
        seamline.close();
        mail.close();
        receiver.stop(0);
    }

    private String conversationOf(String identifier) {
        await().atMost(WITHIN).until(() -> seamline.getJson("/api/v1/customers?identifier=" + identifier).get("items").size() == 1);
        String customer = seamline.getJson("/api/v1/customers?identifier=" + identifier).at("/items/0/id").asText();
        await().atMost(WITHIN).until(() -> seamline.getJson("/api/v1/conversations?customerId=" + customer).get("items").size() == 1);
        return seamline.getJson("/api/v1/conversations?customerId=" + customer).at("/items/0/id").asText();
    }

    private void reply(String conversation, String key) {
        HttpResponse<String> queued = seamline.post("/api/v1/conversations/" + conversation + "/messages", "{\"text\":\"On its way.\"}",
                Map.of("Authorization", SeamlineProcess.basic("admin", SeamlineProcess.ADMIN_PASSWORD), "Idempotency-Key", key));
        assertEquals(202, queued.statusCode(), queued.body());
    }

    private boolean sent(String conversation) {
        for (var entry : seamline.getJson("/api/v1/conversations/" + conversation + "/messages").get("items")) {
            if (entry.get("kind").asText().equals("status:SENT")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aHangingCallbackDelaysNeitherEmailNorAnotherApiInstance() throws Exception {
        stuck.post(ApiChannelClient.message("in-sam", "{\"userId\":\"sam\"}"), SECRET);
        shop.post(ApiChannelClient.message("in-dana", "{\"userId\":\"dana\"}"), SECRET);
        mail.deliver("From: anna@example.org\nTo: " + MailServer.MAILBOX + "\nSubject: Order\nMessage-ID: <lanes-1@example.org>\n\nWhere?");
        String toSam = conversationOf("userId:sam");
        String toDana = conversationOf("userId:dana");
        String toAnna = conversationOf("email:anna@example.org");

        reply(toSam, "to-sam");
        await().atMost(WITHIN).until(() -> !heldOpen.isEmpty());
        reply(toDana, "to-dana");
        reply(toAnna, "to-anna");

        await().atMost(WITHIN).until(() -> delivered.contains("to-dana") && mail.sentTo("anna@example.org").size() == 1);
        await().atMost(WITHIN).until(() -> sent(toDana) && sent(toAnna));
        assertEquals(1, heldOpen.size(), "the hanging callback got one attempt");
        assertFalse(sent(toSam), "still hanging while the others went out");
    }
}

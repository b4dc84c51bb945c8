package org.seamline.camel.seamline;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seamline.api.feed.Change;
import org.seamline.api.message.Identifier;
import org.seamline.context.ConversationStatus;

class SeamlineComponentTest {

    private final InMemoryPlatform platform = new InMemoryPlatform();
    private CamelContext camel;
    private ProducerTemplate template;

    @BeforeEach
    void start() {
        camel = context("orders");
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    private CamelContext context(String name) {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        context.getRegistry().bind("platform", platform);
        return context;
    }

    private void route(String uri) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(uri);
            }
        });
        camel.start();
    }

    private Exchange send(Object body, Map<String, Object> headers) {
        return template.send("direct:in", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new HashMap<>(headers));
        });
    }

    @Test
    void ingressStoresTheMessageOncePerMessageIdAndSaysSo() throws Exception {
        route("seamline:ingress?channel=shop&instance=orders");

        Exchange first = send("Where is order 42?", Map.of("SeamlineFrom", "email:anna@example.com",
                "SeamlineFromName", "Anna", "SeamlineMessageId", "evt-1"));
        Exchange again = send("Where is order 42?", Map.of("SeamlineFrom", "email:anna@example.com", "SeamlineMessageId", "evt-1"));

        assertNull(first.getException());
        assertEquals(false, first.getMessage().getHeader(SeamlineConstants.DUPLICATE));
        assertEquals(true, again.getMessage().getHeader(SeamlineConstants.DUPLICATE));
        assertEquals(first.getMessage().getHeader(SeamlineConstants.INTERACTION_ID),
                again.getMessage().getHeader(SeamlineConstants.INTERACTION_ID));
        assertEquals(1, platform.inbox.size());
        var stored = platform.inbox.values().iterator().next();
        assertEquals("shop", stored.channel());
        assertEquals("orders", stored.instance());
        assertEquals("Anna", stored.from().name());
        assertEquals("anna@example.com", stored.from().identifier(Identifier.EMAIL).orElseThrow());
        assertEquals("Where is order 42?", stored.text());
    }

    @Test
    void withoutAMessageIdTheSameTextFromTheSameSenderIsOneMessage() throws Exception {
        route("seamline:ingress?channel=shop&instance=orders");

        send("Parcel arrived", Map.of("SeamlineFrom", "phone:+4915112345678"));
        Exchange retry = send("Parcel arrived", Map.of("SeamlineFrom", "phone:+4915112345678"));
        send("Parcel arrived", Map.of("SeamlineFrom", "phone:+4915199999999"));

        assertEquals(true, retry.getMessage().getHeader(SeamlineConstants.DUPLICATE));
        assertEquals(2, platform.inbox.size());
    }

    @Test
    void badInputFailsTheExchangeWithAClearReasonAndStoresNothing() throws Exception {
        route("seamline:ingress?channel=shop&instance=orders");

        assertFailure("SeamlineFrom is required", send("hi", Map.of()));
        assertFailure("must be email:<address>, phone:<number> or userId:<id>",
                send("hi", Map.of("SeamlineFrom", "fax:0301234")));
        assertFailure("must be email:<address>", send("hi", Map.of("SeamlineFrom", "anna@example.com")));
        assertFailure("body (the text) is empty", send("  ", Map.of("SeamlineFrom", "userId:u-1")));
        assertTrue(platform.inbox.isEmpty());
    }

    @Test
    void aFailureNeverRepeatsTheSendersIdentifier() throws Exception {
        route("seamline:ingress?channel=shop&instance=orders");

        Exchange failed = send("hi", Map.of("SeamlineFrom", "fax:anna-secret-number"));

        assertFalse(failed.getException().getMessage().contains("anna-secret-number"));
    }

    @Test
    void aBadUriIsRefusedWhenTheRouteStarts() throws Exception {
        assertStartFails("seamline:ingress?channel=shop", "option instance is required");
        assertStartFails("seamline:ingress?channel=shop&instance=orders&reader=x", "does not take reader");
        assertStartFails("seamline:inbox", "seamline:inbox is unknown");
        assertStartFails("seamline:changes?reader=dwh&types=conversation.resolved", "[conversation.resolved] are unknown");
        assertStartFails("seamline:changes?reader=dwh&batch=5000", "batch must be 1-1000");
        assertStartFails("seamline:changes?reader=../dwh", "option reader is required");
    }

    private void assertStartFails(String uri, String reason) throws Exception {
        try (CamelContext context = context("bad")) {
            Exception e = assertThrows(Exception.class, () -> {
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:in").to(uri);
                    }
                });
                context.start();
            });
            assertTrue(chain(e).contains(reason), () -> uri + ": " + chain(e));
        }
    }

    @Test
    void customerGetsTheBodysAttributesWithTheRouteAsSource() throws Exception {
        platform.customer("c-1", new Identifier("email", "anna@example.com"));
        route("seamline:customer");

        Map<String, Object> attributes = new HashMap<>();
        attributes.put("order.status", "shipped");
        attributes.put("order.total", 42);
        Exchange done = send(attributes, Map.of("SeamlineFrom", "email:anna@example.com"));

        assertNull(done.getException());
        assertEquals("c-1", done.getMessage().getHeader(SeamlineConstants.CUSTOMER_ID));
        var profile = platform.attributes.get("c-1");
        assertEquals("shipped", profile.get("order.status").value());
        assertEquals("42", profile.get("order.total").value());
        assertEquals("route:orders", profile.get("order.status").source());
    }

    @Test
    void customerThatNobodyOwnsOrNoMapIsRefused() throws Exception {
        route("seamline:customer");

        assertFailure("no customer has the identifier", send(Map.of("vip", "yes"), Map.of("SeamlineFrom", "userId:nobody")));
        assertFailure("does not exist", send(Map.of("vip", "yes"), Map.of("SeamlineCustomerId", "c-unknown")));
        assertFailure("needs a map of attributes", send(Map.of(), Map.of("SeamlineCustomerId", "c-1")));
    }

    @Test
    void replyGoesToTheCustomersOpenConversationOncePerMessageId() throws Exception {
        platform.customer("c-1", new Identifier("email", "anna@example.com"));
        platform.conversation("old", "c-1", ConversationStatus.RESOLVED);
        platform.conversation("now", "c-1", ConversationStatus.OPEN);
        route("seamline:reply");

        Map<String, Object> headers = Map.of("SeamlineFrom", "email:anna@example.com", "SeamlineMessageId", "order-42-shipped");
        Exchange first = send("Order 42 has shipped.", headers);
        Exchange retry = send("Order 42 has shipped.", headers);

        assertNull(first.getException());
        assertEquals("now", first.getMessage().getHeader(SeamlineConstants.CONVERSATION_ID));
        assertEquals(false, first.getMessage().getHeader(SeamlineConstants.DUPLICATE));
        assertEquals(true, retry.getMessage().getHeader(SeamlineConstants.DUPLICATE));
        assertEquals(1, platform.replies.size());
        assertEquals("Order 42 has shipped.", platform.replyTexts.get(first.getMessage().getHeader(SeamlineConstants.REPLY_ID)));
    }

    @Test
    void replyWithoutAnOpenConversationOrToAnUnknownOneIsRefused() throws Exception {
        platform.customer("c-1", new Identifier("email", "anna@example.com"));
        platform.conversation("old", "c-1", ConversationStatus.RESOLVED);
        route("seamline:reply");

        assertFailure("no open conversation", send("hello", Map.of("SeamlineCustomerId", "c-1")));
        assertFailure("no such conversation", send("hello", Map.of("SeamlineConversationId", "missing")));
        assertTrue(platform.replies.isEmpty());
    }

    @Test
    void changesDeliversTheChosenTypesInOrderAndCommitsThePositionPastTheRest() throws Exception {
        platform.change(Change.CUSTOMER_CREATED, "c-1");
        platform.change(Change.MESSAGE_QUEUED, "c-1");
        platform.change(Change.CUSTOMER_CREATED, "c-2");
        platform.change(Change.MESSAGE_QUEUED, "c-2");
        List<String> seen = new ArrayList<>();
        consume("seamline:changes?reader=crm-sync&types=customer.created&delay=20", e -> seen.add(
                e.getMessage().getHeader(SeamlineConstants.CUSTOMER_ID, String.class) + "@"
                        + e.getMessage().getBody(Change.class).position()));

        await().atMost(Duration.ofSeconds(5)).until(() -> platform.position("crm-sync") == 4);
        assertEquals(List.of("c-1@1", "c-2@3"), seen);
    }

    @Test
    void aFailedExchangeIsDeliveredAgainAndThePositionWaitsForIt() throws Exception {
        platform.change(Change.CUSTOMER_CREATED, "c-1");
        platform.change(Change.CUSTOMER_CREATED, "c-2");
        platform.change(Change.CUSTOMER_CREATED, "c-3");
        AtomicBoolean failOnce = new AtomicBoolean(true);
        List<String> seen = new ArrayList<>();
        List<Long> committedWhenFailing = new ArrayList<>();
        consume("seamline:changes?reader=dwh&delay=20", e -> {
            String customer = e.getMessage().getHeader(SeamlineConstants.CUSTOMER_ID, String.class);
            seen.add(customer);
            if (customer.equals("c-2") && failOnce.getAndSet(false)) {
                committedWhenFailing.add(platform.position("dwh"));
                throw new IllegalStateException("warehouse down");
            }
        });

        await().atMost(Duration.ofSeconds(5)).until(() -> platform.position("dwh") == 3);
        assertEquals(List.of("c-1", "c-2", "c-2", "c-3"), seen);
        assertEquals(List.of(0L), committedWhenFailing);
    }

    @Test
    void aRestartedReaderContinuesFromItsCommittedPosition() throws Exception {
        platform.change(Change.CUSTOMER_CREATED, "c-1");
        platform.commit("dwh", 1);
        platform.change(Change.CUSTOMER_CREATED, "c-2");
        List<String> seen = new ArrayList<>();
        consume("seamline:changes?reader=dwh&delay=20", e -> seen.add(e.getMessage().getHeader(SeamlineConstants.CUSTOMER_ID, String.class)));

        await().atMost(Duration.ofSeconds(5)).until(() -> platform.position("dwh") == 2);
        assertEquals(List.of("c-2"), seen);
    }

    @Test
    void producersAndConsumerAreOnlyUsedTheirWay() throws Exception {
        assertStartFails("seamline:changes?reader=dwh", "seamline:changes can only start a route");
        try (CamelContext context = context("consumer")) {
            Exception e = assertThrows(Exception.class, () -> {
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("seamline:ingress?channel=a&instance=b").to("log:x");
                    }
                });
                context.start();
            });
            assertTrue(chain(e).contains("only seamline:changes can start a route"), () -> chain(e));
        }
    }

    private void consume(String uri, org.apache.camel.Processor processor) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(processor);
            }
        });
        camel.start();
    }

    private static void assertFailure(String reason, Exchange exchange) {
        assertTrue(exchange.getException() != null && chain(exchange.getException()).contains(reason),
                () -> "expected a failure with '" + reason + "', got " + exchange.getException());
    }

    private static String chain(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }

}

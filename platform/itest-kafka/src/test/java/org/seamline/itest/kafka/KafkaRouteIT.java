package org.seamline.itest.kafka;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.seamline.itest.SeamlineProcess;

/**
 * The shipped Kafka component against a real broker (KRaft, one combined node in this JVM, on the loopback
 * interface): a route file reads a shop's events from a topic into Seamline, and writes each message Seamline received
 * to another topic from the change feed. A record delivered twice is one message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaRouteIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    KafkaClusterTestKit kafka;
    SeamlineProcess seamline;

    @BeforeAll
    void start() throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true)
                .setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("auto.create.topics.enable", "true")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        seamline = SeamlineProcess.start(dir, Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        if (seamline != null) {
            seamline.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aRouteFileCarriesEventsFromKafkaIntoSeamlineAndReceivedMessagesBackOut() throws Exception {
        String brokers = kafka.bootstrapServers();
        place(seamline.home.resolve("deploy/kafka-shop.camel.yaml"), """
                - route:
                    id: shop-events-in
                    from:
                      uri: "kafka:shop-events"
                      parameters:
                        brokers: "%1$s"
                        groupId: "seamline"
                        autoOffsetReset: "earliest"
                      steps:
                        - setHeader:
                            name: SeamlineMessageId
                            simple: "${header.kafka.KEY}"
                        - setHeader:
                            name: SeamlineFrom
                            simple: "email:${body.split(';')[0]}"
                        - setBody:
                            simple: "${body.split(';')[1]}"
                        - to: "seamline:ingress?channel=api&instance=shop"
                - route:
                    id: received-out
                    from:
                      uri: "seamline:changes"
                      parameters:
                        reader: "kafka-out"
                        types: "message.received"
                      steps:
                        - setBody:
                            simple: "${header.SeamlineChangeMessageId}"
                        - to: "kafka:seamline-received?brokers=%1$s"
                """.formatted(brokers));
        await().atMost(WITHIN).until(() -> "ACTIVE".equals(state("kafka-shop.camel.yaml")));

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties(brokers))) {
            producer.send(new ProducerRecord<>("shop-events", "evt-1", "mia@example.com;Order 2001: shipped")).get();
            producer.send(new ProducerRecord<>("shop-events", "evt-2", "mia@example.com;Order 2002: delayed")).get();
            producer.send(new ProducerRecord<>("shop-events", "evt-1", "mia@example.com;Order 2001: shipped")).get();
        }

        await().atMost(WITHIN).until(() -> seamline.getJson("/api/v1/customers?identifier=email:mia@example.com")
                .get("items").size() == 1);
        await().atMost(WITHIN).until(() -> seamline.getJson("/api/v1/interactions?channel=api&limit=10").get("items").size() == 2);
        JsonNode interactions = seamline.getJson("/api/v1/interactions?channel=api&limit=10");
        List<String> ids = new ArrayList<>();
        interactions.get("items").forEach(item -> ids.add(item.get("id").asText()));

        List<String> published = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(brokers))) {
            consumer.subscribe(List.of("seamline-received"));
            await().atMost(WITHIN).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    published.add(record.value());
                }
                return published.size() >= 2;
            });
        }
        assertEquals(ids.stream().sorted().toList(), published.stream().sorted().toList(),
                "each received message once on the topic, evt-1's repeat being the same message");
    }

    private void place(Path target, String content) throws Exception {
        Path part = target.resolveSibling("." + target.getFileName() + ".part");
        Files.writeString(part, content);
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private String state(String id) {
        var response = seamline.asAdmin("GET", "/api/v1/plugins/" + id, null);
        return response.statusCode() == 200 ? seamline.readJson(response.body()).get("state").asText() : "ABSENT";
    }

    private static Properties producerProperties(String brokers) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return properties;
    }

    private static Properties consumerProperties(String brokers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "kafka-route-it");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return properties;
    }
}

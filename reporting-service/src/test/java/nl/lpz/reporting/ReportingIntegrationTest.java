package nl.lpz.reporting;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import nl.lpz.events.Topics;
import nl.lpz.contract.IdentityHeaders;
import nl.lpz.reporting.Fixtures.Published;
import nl.lpz.testsupport.TestInfra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One Spring context for every integration test of this module, against a real PostgreSQL and a real Kafka broker
 * ({@link TestInfra}). Tests publish records as capacity-service does and read through HTTP with the gateway's
 * identity headers. Each test uses regions and organisations of its own, so tests do not see each other's data.
 */
@SpringBootTest(properties = {
        "lpz.reporting.stream.heartbeat-interval-ms=500",
        "lpz.reporting.stream.poll-interval-ms=100"})
@AutoConfigureMockMvc
public abstract class ReportingIntegrationTest {
    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry);
        createTopics();
    }

    /** capacity-service and stop-service create the topics; here the test does, with more than one partition each. */
    public static synchronized void createTopics() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrap());
        try (Admin admin = Admin.create(props)) {
            for (NewTopic topic : List.of(new NewTopic(Topics.CAPACITY_BEDS, 3, (short) 1),
                    new NewTopic(Topics.CAPACITY_TOPOLOGY, 2, (short) 1),
                    new NewTopic(Topics.CAPACITY_MODULES, 2, (short) 1),
                    new NewTopic(Topics.CAPACITY_BIRTH_REFUSALS, 2, (short) 1),
                    new NewTopic(Topics.STOPS, 3, (short) 1))) {
                try {
                    admin.createTopics(List.of(topic.configs(Map.of("retention.ms", "-1")))).all()
                            .get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        } catch (Exception e) {
            if (e instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException("cannot create topics", e);
        }
    }

    public static synchronized void send(Published... records) {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrap());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close));
        }
        try {
            for (Published p : records) {
                producer.send(p.producerRecord()).get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish", e);
        }
    }

    /** The identity headers the gateway sets from a verified token. */
    public static HttpHeaders caller(String roles, String organisation, String region) {
        HttpHeaders h = new HttpHeaders();
        h.add(IdentityHeaders.SUBJECT, "test-" + roles.toLowerCase());
        h.add(IdentityHeaders.ROLES, roles);
        if (organisation != null) {
            h.add(IdentityHeaders.ORGANISATION, organisation);
        }
        if (region != null) {
            h.add(IdentityHeaders.REGION, region);
        }
        return h;
    }

    public static HttpHeaders rcps(String roazRegionId) {
        return caller("RCPS", null, roazRegionId);
    }

    protected static HttpHeaders hospital(String organisation) {
        return caller("HOSPITAL", organisation, null);
    }
}

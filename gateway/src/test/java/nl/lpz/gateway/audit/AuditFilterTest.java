package nl.lpz.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.lpz.contract.Role;
import nl.lpz.gateway.security.Caller;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** The answer of an audited call waits for the broker's acknowledgement of its entry, at most the answer wait. */
class AuditFilterTest {
    private static final Caller EPD = new Caller("epd-100101", Set.of(Role.EPD_SYSTEM), "100101", null);
    private static final Duration ANSWER_WAIT = Duration.ofMillis(300);
    /** Long enough that the first send of a JVM (class loading) cannot run out of it. */
    private static final Duration LONG_WAIT = Duration.ofSeconds(30);

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
    private final CompletableFuture<SendResult<String, byte[]>> acknowledgement = new CompletableFuture<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private AuditPublisher publisher;

    @AfterEach
    void stop() throws InterruptedException {
        publisher.destroy();
    }

    private AuditFilter filter(Duration answerWait) {
        AuditProperties settings = new AuditProperties(true, 100, "gateway-test", answerWait);
        publisher = new AuditPublisher(kafka, settings, meters);
        return new AuditFilter(settings, publisher, (exchange, error) -> Mono.error(error));
    }

    @Test
    void givenAWrite_whenItIsAnswered_thenTheAnswerGoesOnlyOnceTheBrokerAcknowledgedItsEntry() throws Exception {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(acknowledgement);
        MockServerWebExchange exchange = call();

        AtomicBoolean written = new AtomicBoolean();
        // called once the response's commit actions are done: when the answer starts to go to the client
        exchange.getResponse().setWriteHandler(body -> Mono.defer(() -> {
            written.set(true);
            return body.then();
        }));
        CompletableFuture<Void> answered = filter(LONG_WAIT).filter(exchange,
                answer(HttpStatus.ACCEPTED, MediaType.APPLICATION_JSON, "{\"accepted\":1}")).toFuture();

        verify(kafka, timeout(5000)).send(any(ProducerRecord.class));
        Thread.sleep(100);
        assertThat(written).as("the answer is held while its entry is unacknowledged").isFalse();
        assertThat(answered).isNotDone();
        acknowledgement.complete(null);
        answered.get(5, TimeUnit.SECONDS);
        assertThat(written).isTrue();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(meters.counter(AuditPublisher.ENTRIES_METRIC, "outcome", "sent").count()).isEqualTo(1);
    }

    @Test
    void givenABrokerThatDoesNotAnswer_whenACallIsAnswered_thenTheAnswerGoesAfterTheAnswerWaitAndIsCounted() {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(acknowledgement);
        MockServerWebExchange exchange = call();
        long start = System.nanoTime();

        filter(ANSWER_WAIT).filter(exchange, answer(HttpStatus.ACCEPTED, MediaType.APPLICATION_JSON, "{}"))
                .block(Duration.ofSeconds(10));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(ANSWER_WAIT);
        assertThat(exchange.getResponse().isCommitted()).isTrue();
        assertThat(meters.counter("lpz.audit.answers.unconfirmed").count()).isEqualTo(1);
    }

    @Test
    void givenAProblemAnswer_whenItsEntryIsSentBeforeTheAnswer_thenTheEntryCarriesTheProblemsCodeAndDetail() {
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(i -> CompletableFuture.completedFuture(null));
        MockServerWebExchange exchange = call();

        filter(LONG_WAIT).filter(exchange, answer(HttpStatus.FORBIDDEN, MediaType.APPLICATION_PROBLEM_JSON,
                "{\"status\":403,\"code\":\"FORBIDDEN_ORGANISATION\",\"detail\":\"location X is not yours\"}"))
                .block(Duration.ofSeconds(10));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<ProducerRecord<String, byte[]>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(kafka).send(sent.capture());
        String entry = new String(sent.getValue().value(), StandardCharsets.UTF_8);
        assertThat(entry).contains("\"status\":403").contains("\"problemCode\":\"FORBIDDEN_ORGANISATION\"")
                .contains("location X is not yours");
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("FORBIDDEN_ORGANISATION");
    }

    private static MockServerWebExchange call() {
        TestingAuthenticationToken authentication = new TestingAuthenticationToken(EPD.subject(), null);
        authentication.setDetails(EPD);
        return MockServerWebExchange.builder(MockServerHttpRequest.post("/api/v1/bed-events").build())
                .principal(authentication).build();
    }

    private static WebFilterChain answer(HttpStatus status, MediaType type, String body) {
        return exchange -> {
            exchange.getResponse().setStatusCode(status);
            exchange.getResponse().getHeaders().setContentType(type);
            return exchange.getResponse().writeWith(Mono.just(DefaultDataBufferFactory.sharedInstance
                    .wrap(body.getBytes(StandardCharsets.UTF_8))));
        };
    }
}

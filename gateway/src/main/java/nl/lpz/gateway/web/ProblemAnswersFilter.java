package nl.lpz.gateway.web;

import nl.lpz.contract.ProblemCodes;
import nl.lpz.contract.Problems;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every 4xx/5xx on {@code /api/**} leaves the gateway as {@code application/problem+json} with a code (api-contract,
 * Errors), also when a backend's web server answered before the service's own problem handling could: Tomcat
 * refuses a path with bytes that are no UTF-8 or a query with {@code [ ]} with its HTML error page (issue 14's hostile
 * input). Such a body is dropped and replaced by the problem of its status; answers that are problems already pass
 * unchanged.
 */
@Component
class ProblemAnswersFilter implements WebFilter, Ordered {
    private final ProblemWriter writer;

    ProblemAnswersFilter(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        ServerHttpResponse original = exchange.getResponse();
        ServerHttpResponseDecorator problems = new ServerHttpResponseDecorator(original) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                if (!needsProblem(this)) {
                    return super.writeWith(body);
                }
                return Flux.from(body).doOnNext(DataBufferUtils::release).then(Mono.defer(() -> problem(exchange)));
            }

            @Override
            public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
                if (!needsProblem(this)) {
                    return super.writeAndFlushWith(body);
                }
                return Flux.from(body).flatMap(Flux::from).doOnNext(DataBufferUtils::release)
                        .then(Mono.defer(() -> problem(exchange)));
            }

            @Override
            public Mono<Void> setComplete() {
                return needsProblem(this) ? problem(exchange) : super.setComplete();
            }

            private Mono<Void> problem(ServerWebExchange ex) {
                int status = getStatusCode() == null ? 500 : getStatusCode().value();
                HttpStatus known = HttpStatus.resolve(status);
                return writer.write(ex.mutate().response(getDelegate()).build(), Problems.of(status,
                        ProblemCodes.ofStatus(status), known != null ? known.getReasonPhrase() : "error " + status));
            }
        };
        return chain.filter(exchange.mutate().response(problems).build());
    }

    private static boolean needsProblem(ServerHttpResponse response) {
        HttpStatusCode status = response.getStatusCode();
        if (status == null || !(status.is4xxClientError() || status.is5xxServerError())) {
            return false;
        }
        MediaType type = response.getHeaders().getContentType();
        return type == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type);
    }

    @Override
    public int getOrder() {
        // outside every other filter of the gateway's own, so that whatever answers through the exchange is seen
        return -300;
    }
}

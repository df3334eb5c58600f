package nl.lpz.gateway.web;

import nl.lpz.gateway.config.GatewayProperties;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import reactor.netty.http.server.HttpServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over {@code lpz.gateway.max-body-size} with {@code 413 PAYLOAD_TOO_LARGE} before anything is
 * sent to a backend. A declared Content-Length is checked up front and the body then streams through; a body without
 * one (chunked) is read into memory up to the limit first, so a backend never receives a truncated request and the
 * refusal never counts as a backend failure. Runs after authentication.
 */
@Component
class BodySizeLimitFilter implements WebFilter, Ordered {

    private final long limit;

    BodySizeLimitFilter(GatewayProperties properties) {
        this.limit = properties.maxBodySize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long declared = headers.getContentLength();
        if (declared > limit) {
            return Mono.error(new PayloadTooLargeException(limit));
        }
        if (declared >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), (int) Math.min(limit, Integer.MAX_VALUE - 8))
                .onErrorMap(DataBufferLimitException.class, e -> new PayloadTooLargeException(limit))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(bytes -> answeredByTheServer(exchange) ? Mono.<Void>empty()
                        : chain.filter(exchange.mutate().request(buffered(exchange, bytes)).build()));
    }

    /**
     * Whether the HTTP server has answered already: a chunked body whose framing broke (a chunk size that is no
     * number) ends the body early and reactor-netty answers 400 itself (DecodingFailureProblems). What was read is then
     * a part of the body that may still be valid JSON; it must not reach a backend, which would apply it.
     */
    static boolean answeredByTheServer(ServerWebExchange exchange) {
        Object response = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
        return response instanceof HttpServerResponse server && server.hasSentHeaders();
    }

    private static ServerHttpRequest buffered(ServerWebExchange exchange, byte[] bytes) {
        ServerHttpRequest request = exchange.getRequest().mutate().headers(h -> {
            h.remove(HttpHeaders.TRANSFER_ENCODING);
            h.setContentLength(bytes.length);
        }).build();
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
            }
        };
    }

    @Override
    public int getOrder() {
        // Spring Security's filter chain runs at -100
        return -50;
    }
}

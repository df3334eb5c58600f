package nl.lpz.gateway.routing;

import nl.lpz.contract.IdentityHeaders;
import java.util.List;
import java.util.Locale;
import nl.lpz.gateway.security.Caller;
import nl.lpz.gateway.security.IdentityProofSigner;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Removes every {@code X-Lpz-*} header the client sent (a forged proof with them) and sets them from the verified
 * token, with the gateway's signed proof of the caller for this method and raw path, which the services require
 * (docs/architecture.md, "Identity between gateway and services"; ADR 0017). Runs on every routed request, before the
 * request leaves the gateway.
 */
@Component
class IdentityHeadersFilter implements GlobalFilter, Ordered {

    private static final String PREFIX = IdentityHeaders.PREFIX.toLowerCase(Locale.ROOT);

    private final IdentityProofSigner signer;

    IdentityHeadersFilter(IdentityProofSigner signer) {
        this.signer = signer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return Caller.of(exchange)
                .map(caller -> relay(exchange, caller))
                .switchIfEmpty(Mono.fromSupplier(() -> relay(exchange, null)))
                .flatMap(chain::filter);
    }

    private ServerWebExchange relay(ServerWebExchange exchange, Caller caller) {
        String method = exchange.getRequest().getMethod().name();
        String rawPath = exchange.getRequest().getURI().getRawPath();
        return exchange.mutate().request(r -> r.headers(headers -> {
            strip(headers);
            if (caller != null) {
                headers.set(IdentityHeaders.SUBJECT, caller.subject());
                headers.set(IdentityHeaders.ROLES, caller.rolesHeader());
                if (caller.organisation() != null) {
                    headers.set(IdentityHeaders.ORGANISATION, caller.organisation());
                }
                if (caller.region() != null) {
                    headers.set(IdentityHeaders.REGION, caller.region());
                }
                headers.set(IdentityHeaders.PROOF, signer.sign(caller, method, rawPath));
            }
        })).build();
    }

    private static void strip(HttpHeaders headers) {
        List<String> clientSent = headers.headerNames().stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith(PREFIX))
                .toList();
        clientSent.forEach(headers::remove);
    }

    @Override
    public int getOrder() {
        // before the routing filters (NettyRoutingFilter runs at Ordered.LOWEST_PRECEDENCE)
        return Ordered.HIGHEST_PRECEDENCE + 1000;
    }
}

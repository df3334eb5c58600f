package nl.lpz.gateway.security;

import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/** Turns a verified JWT into an authentication whose details are the {@link Caller} and whose authorities its roles. */
final class CallerAuthenticationConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.fromCallable(() -> {
            Caller caller = Caller.from(jwt);
            List<GrantedAuthority> authorities = caller.roles().stream()
                    .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
                    .toList();
            JwtAuthenticationToken token = new JwtAuthenticationToken(jwt, authorities, caller.subject());
            token.setDetails(caller);
            return token;
        });
    }
}

package nl.lpz.gateway.security;

import reactor.core.publisher.Mono;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.security.core.Authentication;
import nl.lpz.contract.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * The identity a verified token carries: what the gateway relays to the services as {@code X-Lpz-*} headers.
 * Roles the platform does not know are dropped (an external identity provider may issue others); a claim that could
 * not be relayed safely (missing subject, ids outside the contract's pattern) makes the token invalid.
 */
public record Caller(String subject, Set<Role> roles, String organisation, String region) {

    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** A subject the gateway relays: 1 to 256 visible ASCII characters. */
    public static final Pattern SUBJECT = Pattern.compile("[\\x21-\\x7E]{1,256}");

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller from(Jwt jwt) {
        String subject = jwt.getSubject();
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            throw new InvalidBearerTokenException("the token has no usable 'sub' claim");
        }
        return new Caller(subject, roles(jwt.getClaim("roles")),
                id(jwt, "organisation"), id(jwt, "region"));
    }

    private static Set<Role> roles(Object claim) {
        Collection<?> names;
        if (claim == null) {
            names = List.of();
        } else if (claim instanceof Collection<?> collection) {
            names = collection;
        } else {
            names = List.of(claim.toString().split("[\\s,]+"));
        }
        Set<Role> roles = new LinkedHashSet<>();
        for (Object name : names) {
            Role.parse(String.valueOf(name)).ifPresent(roles::add);
        }
        return roles;
    }

    private static String id(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        if (value == null || value.toString().isEmpty()) {
            return null;
        }
        String id = value.toString();
        if (!ID.matcher(id).matches()) {
            throw new InvalidBearerTokenException("the token's '" + claim + "' claim is not a valid id");
        }
        return id;
    }

    /** Role names, comma-separated, in declaration order. */
    public String rolesHeader() {
        List<String> names = new ArrayList<>();
        for (Role role : Role.values()) {
            if (roles.contains(role)) {
                names.add(role.name());
            }
        }
        return String.join(",", names);
    }

    /** The verified caller of this exchange; empty without a valid token (the security chain set it). */
    public static Mono<Caller> of(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(Authentication.class::isInstance)
                .map(p -> ((Authentication) p).getDetails())
                .filter(Caller.class::isInstance)
                .cast(Caller.class);
    }
}

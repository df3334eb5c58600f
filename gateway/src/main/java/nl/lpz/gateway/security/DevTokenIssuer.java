package nl.lpz.gateway.security;

import nl.lpz.contract.Role;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.lpz.gateway.config.GatewayProperties;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** Signs tokens with the local key ({@code local} profile only). */
public class DevTokenIssuer {
    private final JwtEncoder encoder;
    private final String keyId;
    private final GatewayProperties.DevTokens settings;

    DevTokenIssuer(JwtEncoder encoder, String keyId, GatewayProperties.DevTokens settings) {
        this.encoder = encoder;
        this.keyId = keyId;
        this.settings = settings;
    }

    public record Issued(String token, Instant expiresAt) {
    }

    public Issued issue(String subject, List<Role> roles, String organisation, String region) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(settings.lifetime());
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .id(UUID.randomUUID().toString())
                .issuer(settings.issuer())
                .subject(subject)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim("roles", roles.stream().map(Role::name).toList());
        if (organisation != null) {
            claims.claim("organisation", organisation);
        }
        if (region != null) {
            claims.claim("region", region);
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).type("JWT").build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new Issued(token, expiresAt);
    }
}

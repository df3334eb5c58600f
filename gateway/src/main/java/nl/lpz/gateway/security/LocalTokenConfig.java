package nl.lpz.gateway.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import nl.lpz.gateway.config.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Profile {@code local}: the gateway is its own token issuer. Tokens are signed with the key in
 * {@code ${lpz.data-dir}/gateway-jwt-key.pem} ({@link LocalDataProperties}) and validated with it (signature, expiry,
 * issuer).
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class LocalTokenConfig {

    static final String KEY_FILE = "gateway-jwt-key.pem";

    @Bean
    RSAKey localSigningKey(LocalDataProperties local) {
        return LocalSigningKey.loadOrCreate(local.dataDir().resolve(KEY_FILE));
    }

    @Bean
    ReactiveJwtDecoder localJwtDecoder(RSAKey localSigningKey, GatewayProperties properties) throws Exception {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(localSigningKey.toRSAPublicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(), new JwtIssuerValidator(properties.devTokens().issuer())));
        return decoder;
    }

    @Bean
    DevTokenIssuer devTokenIssuer(RSAKey localSigningKey, GatewayProperties properties) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(localSigningKey)));
        return new DevTokenIssuer(encoder, localSigningKey.getKeyID(), properties.devTokens());
    }
}

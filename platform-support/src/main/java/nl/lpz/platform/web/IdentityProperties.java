package nl.lpz.platform.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service knows its callers (ADR 0017).
 *
 * @param gatewayPublicKeys the gateway's public keys: PEM files (X.509 SubjectPublicKeyInfo) or {@code classpath:}
 *                          resources, comma-separated; more than one while a key is rotated
 * @param trustHeaders      take the {@code X-Lpz-*} headers without proof: for debugging one service and nothing else
 */
@ConfigurationProperties("lpz.identity")
public record IdentityProperties(@DefaultValue List<String> gatewayPublicKeys, boolean trustHeaders) {
}

package nl.lpz.events.audit;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * One call of the API as the gateway answered it, for the NEN 7513 audit trail (docs/audit.md): who (the verified
 * token's {@code subject}, {@code roles}, {@code organisation}, {@code region}), what ({@code method}, {@code path} and
 * {@code query} as sent; the services' answer {@code status} and, for a problem, its {@code problemCode} and
 * {@code problemDetail}, e.g. why a stop was refused), when ({@code occurredAt}: the request arrived;
 * {@code durationMillis}) and from where ({@code clientAddress}: the peer of the gateway and the
 * {@code X-Forwarded-For} it received). Never a token, a header value other than these, or a body.
 * {@code entryId} is unique: the audit store records an entry once however often it is delivered.
 */
@Revision("1")
public record AuditEntryRecorded(String entryId, Instant occurredAt, long durationMillis, String subject,
                                 List<String> roles, String organisation, String region, String clientAddress,
                                 String method, String path, String query, int status, String problemCode,
                                 String problemDetail, String gatewayInstance) {
    public AuditEntryRecorded {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}

package nl.lpz.gateway.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lpz.audit.*}: the gateway's side of the audit trail (docs/audit.md).
 *
 * @param enabled        whether every {@code /api/**} call is recorded; off only where no broker exists (unit tests)
 * @param queueCapacity  entries waiting for the broker before new ones are refused (counted and logged in full)
 * @param instance       this gateway's name in the entries; default: the host name
 * @param answerWait     how long an answer waits for the broker to acknowledge its entry; past it the answer goes and
 *                       the entry stays in the producer's retries (the broker slow or away)
 */
@ConfigurationProperties("lpz.audit")
public record AuditProperties(@DefaultValue("true") boolean enabled, @DefaultValue("100000") int queueCapacity,
                              String instance, @DefaultValue("500ms") Duration answerWait) {
}

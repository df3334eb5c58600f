package nl.lpz.reporting.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lpz.audit.*}: the audit store (docs/audit.md).
 *
 * @param retention how long an entry is kept; older ones are removed by the daily retention job, which moves the
 *                  chain's anchor (default five years; the organisations' policy decides)
 * @param maxPage   the most entries one query answers (the export streams any number)
 */
@ConfigurationProperties("lpz.audit")
public record AuditProperties(@DefaultValue("P1826D") Duration retention, @DefaultValue("1000") int maxPage) {
}

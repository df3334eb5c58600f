package nl.lpz.reporting.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The change log behind the SSE streams ({@code lpz.reporting.stream.*}). Its poll and heartbeat intervals
 * ({@code poll-interval-ms}, {@code heartbeat-interval-ms}) are placeholders of the {@code @Scheduled} methods of
 * {@link RegionChangeHub}, not bound here.
 *
 * @param retentionHours change-log rows older than this are deleted; a client resuming from an older id gets what is
 *                       left
 */
@ConfigurationProperties("lpz.reporting.stream")
public record StreamProperties(@DefaultValue("6") long retentionHours) {
}

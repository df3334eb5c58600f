package nl.lpz.platform.axon;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@link CommandRetry} of a command that lost the append race to another instance
 * ({@code lpz.commands.retry.*}).
 *
 * @param maxAttempts attempts in all, the first included, before the caller gets the conflict (at least 1)
 * @param pause       attempt {@code n} first waits a random 1..{@code n × pause} ms; {@code 0} sends it again at once
 */
@ConfigurationProperties("lpz.commands.retry")
public record CommandRetryProperties(
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("0ms") Duration pause) {
}

package nl.lpz.gateway.security;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the gateway keeps its state on the local platform ({@code lpz.data-dir}): in the {@code local} profile the
 * {@link LocalTokenConfig} signs its dev tokens with the key file it keeps there.
 *
 * @param dataDir the directory (created when missing), relative to the working directory unless absolute
 */
@ConfigurationProperties("lpz")
public record LocalDataProperties(@DefaultValue(".lpz") Path dataDir) {
}

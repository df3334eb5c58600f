package nl.lpz.reporting.modules;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The module read side ({@code lpz.reporting.modules.*}).
 *
 * @param complianceWindow how far back from {@code asOf} a report makes a provider a delivering one; a module fresh for
 *                         longer uses its freshness instead (positive)
 */
@ConfigurationProperties("lpz.reporting.modules")
public record ModuleProperties(@DefaultValue("PT24H") Duration complianceWindow) {

    public ModuleProperties {
        if (complianceWindow.isNegative() || complianceWindow.isZero()) {
            throw new IllegalArgumentException("lpz.reporting.modules.compliance-window must be positive");
        }
    }
}

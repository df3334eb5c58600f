package nl.lpz.stop.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.stop.command.NormTimes;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Regional settings of the stop procedure: {@code lpz.stops.norm-times.<ROAZ>.<KIND>=PT2H} overrides the national
 * default norm time of a kind in a ROAZ region; a region in {@code lpz.stops.regions-without-stops} allows no stops
 * at all, and a norm time of zero forbids stops of that kind there.
 */
@Component
@ConfigurationProperties("lpz.stops")
public class StopRulesProperties implements NormTimes {
    private Map<String, Map<CareKind, Duration>> normTimes = new HashMap<>();
    private Set<String> regionsWithoutStops = new HashSet<>();

    @Override
    public Optional<Duration> normTime(String roazRegionId, CareKind kind) {
        if (regionsWithoutStops.stream().anyMatch(r -> r.equalsIgnoreCase(roazRegionId))) {
            return Optional.empty();
        }
        Duration configured = normTimes.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(roazRegionId))
                .map(e -> e.getValue().get(kind))
                .filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        Duration norm = configured != null ? configured : kind.defaultNormTime();
        return norm.isZero() || norm.isNegative() ? Optional.empty() : Optional.of(norm);
    }

    public Map<String, Map<CareKind, Duration>> getNormTimes() {
        return normTimes;
    }

    public void setNormTimes(Map<String, Map<CareKind, Duration>> normTimes) {
        this.normTimes = normTimes;
    }

    public Set<String> getRegionsWithoutStops() {
        return regionsWithoutStops;
    }

    public void setRegionsWithoutStops(Set<String> regionsWithoutStops) {
        this.regionsWithoutStops = regionsWithoutStops;
    }
}

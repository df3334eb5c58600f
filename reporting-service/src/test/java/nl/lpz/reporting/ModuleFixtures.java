package nl.lpz.reporting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.lpz.events.capacity.ModuleFiguresReported;
import nl.lpz.events.capacity.ModulePassageRecorded;
import nl.lpz.events.capacity.ModuleReportSource;
import nl.lpz.events.capacity.ModuleUnitRemoved;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.modules.ModuleCatalogue;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import nl.lpz.modules.ProviderKind;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Module events as capacity-service publishes them on {@code lpz.capacity.modules.v1} (key = provider id), for the
 * test-only module {@code proefmodule} of test-support (unit kind {@code proefpost}: places and taken, state GREEN/RED,
 * waitMinutes optional; fresh for 15 minutes), and the catalogue the services load.
 */
public final class ModuleFixtures {
    public static final String MODULE = "proefmodule";
    public static final String KIND = "proefpost";

    private ModuleFixtures() {
    }

    /** The catalogue of the class path, as platform-support loads it, plus definitions given as YAML text. */
    public static ModuleCatalogue catalogue(String... extraDefinitions) {
        Map<String, ModuleCatalogue.InputStreamSource> sources = new LinkedHashMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + ModuleCatalogue.LOCATION + "/*.yaml")) {
                sources.put(r.getDescription(), r::getInputStream);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < extraDefinitions.length; i++) {
            byte[] yaml = extraDefinitions[i].getBytes(StandardCharsets.UTF_8);
            sources.put("test definition " + i, () -> new ByteArrayInputStream(yaml));
        }
        return ModuleCatalogue.parse(sources);
    }

    /** A unit of a hospital location: 4 places, 1 taken, GREEN, reported at {@link Fixtures#T0}. */
    public static Unit unit(String locationId, String organisationId, String unitId) {
        return new Unit(MODULE, 1, locationId, organisationId, KIND, unitId, Map.of("places", 4L, "taken", 1L),
                Map.of("state", "GREEN"), Fixtures.T0, false);
    }

    /**
     * One patient passage through a unit of a hospital location, as capacity-service publishes it: the moments in
     * the order given, {@code occurredAt} the latest of them, a fresh source event id, no patient identity.
     */
    public static ModulePassageRecorded passage(String moduleId, int version, String providerId,
                                                String organisationId, String unitKind, String unitId,
                                                Map<String, Instant> moments) {
        return new ModulePassageRecorded(moduleId, version, ProviderKind.HOSPITAL_LOCATION.name(), providerId,
                new OrganisationId(organisationId), unitKind, unitId, moments,
                moments.isEmpty() ? null : Collections.max(moments.values()), UUID.randomUUID());
    }

    public record Unit(String moduleId, int version, String providerId, String organisationId, String unitKind,
                       String unitId, Map<String, Long> values, Map<String, String> statuses, Instant occurredAt,
                       boolean stale) {

        public Unit figures(long places, long taken, String state) {
            return new Unit(moduleId, version, providerId, organisationId, unitKind, unitId,
                    Map.of("places", places, "taken", taken), Map.of("state", state), occurredAt, stale);
        }

        public Unit values(Map<String, Long> v) {
            return new Unit(moduleId, version, providerId, organisationId, unitKind, unitId, v, statuses, occurredAt,
                    stale);
        }

        public Unit at(Instant t) {
            return new Unit(moduleId, version, providerId, organisationId, unitKind, unitId, values, statuses, t,
                    stale);
        }

        public Unit version(int v) {
            return new Unit(moduleId, v, providerId, organisationId, unitKind, unitId, values, statuses, occurredAt,
                    stale);
        }

        public Unit kind(String k) {
            return new Unit(moduleId, version, providerId, organisationId, k, unitId, values, statuses, occurredAt,
                    stale);
        }

        public Unit module(String m) {
            return new Unit(m, version, providerId, organisationId, unitKind, unitId, values, statuses, occurredAt,
                    stale);
        }

        /** Reported after a later report of the unit had been applied (capacity-service marks it). */
        public Unit backFilled() {
            return new Unit(moduleId, version, providerId, organisationId, unitKind, unitId, values, statuses,
                    occurredAt, true);
        }

        public ModuleFiguresReported reported() {
            return new ModuleFiguresReported(moduleId, version, ProviderKind.HOSPITAL_LOCATION.name(), providerId,
                    new OrganisationId(organisationId), unitKind, unitId, values, statuses, occurredAt, stale,
                    ModuleReportSource.EVENT, UUID.randomUUID());
        }

        public ModuleUnitRemoved removed(Instant t) {
            return new ModuleUnitRemoved(moduleId, version, ProviderKind.HOSPITAL_LOCATION.name(), providerId,
                    new OrganisationId(organisationId), unitKind, unitId, t);
        }
    }

    /** A caller with these roles (comma-separated), organisation and region claims, as the gateway relays them. */
    public static Caller caller(String roles, String organisation, String region) {
        return Caller.fromHeaders("test", roles, organisation, region);
    }

    /** The status and code a read is refused with ("403 FORBIDDEN_ROLE"); fails when it is not refused. */
    public static String refusal(Runnable read) {
        try {
            read.run();
        } catch (ApiException e) {
            return e.status().value() + " " + e.code();
        }
        throw new AssertionError("no refusal");
    }
}

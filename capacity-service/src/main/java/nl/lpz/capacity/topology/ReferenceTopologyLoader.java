package nl.lpz.capacity.topology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.lpz.capacity.command.EstablishDefaultVisibility;
import nl.lpz.capacity.command.RegisterLocation;
import nl.lpz.capacity.command.SetCareProfile;
import nl.lpz.capacity.query.LocationDirectory;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.events.ids.SafetyRegionId;
import nl.lpz.platform.axon.CommandRetry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Registers the real Dutch hospital locations ({@code topology/reference_locations.csv}, derived from the reference
 * data by {@code scripts/derive_reference_topology.py}) at start-up, and shares their organisations with history
 * released. Idempotent: a location already in the directory and an organisation that already has a visibility are
 * left alone, so a restart emits nothing and never overrides a later ADMIN or hospital change. A location without a care
 * profile gets the plausible one of {@link ReferenceCareProfiles}.
 */
@Component
@ConditionalOnProperty(name = "lpz.topology.load-reference", havingValue = "true")
class ReferenceTopologyLoader implements ApplicationRunner {
    static final String RESOURCE = "/topology/reference_locations.csv";
    private static final Logger log = LoggerFactory.getLogger(ReferenceTopologyLoader.class);
    private static final Actor LOADER = Actor.REFERENCE_TOPOLOGY;

    /** Three attempts: a concurrent loader's registration is the only race, and then the data is the same. */
    private final CommandRetry retry;
    private final LocationDirectory directory;
    private final Clock clock;

    ReferenceTopologyLoader(CommandGateway commands, LocationDirectory directory, Clock clock) {
        this.retry = new CommandRetry(commands, 3, Duration.ZERO);
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<RegisterLocation> rows = read(clock.instant());
        Set<String> known = directory.allLocationIds();
        int registered = 0;
        for (RegisterLocation row : rows) {
            if (!known.contains(row.locationId().value())) {
                send(row);
                registered++;
            }
        }
        // a profile nobody set yet gets the reference one; one a hospital or ADMIN set (even emptied) is left alone
        Set<String> undescribed = directory.locationsWithoutCareProfile();
        int described = 0;
        for (RegisterLocation row : rows) {
            if (undescribed.contains(row.locationId().value())) {
                send(new SetCareProfile(row.locationId(), ReferenceCareProfiles.of(row.locationId().value(),
                        row.locationType(), row.careOffered()), clock.instant(), LOADER));
                described++;
            }
        }
        Set<String> decided = directory.organisationsWithVisibility();
        Set<OrganisationId> organisations = new LinkedHashSet<>();
        rows.forEach(r -> organisations.add(r.organisationId()));
        int shared = 0;
        for (OrganisationId organisation : organisations) {
            if (!decided.contains(organisation.value())) {
                send(new EstablishDefaultVisibility(organisation, true, true, clock.instant(), LOADER));
                shared++;
            }
        }
        log.info("reference topology: {} locations ({} newly registered, {} newly described), {} organisations ({} "
                + "newly shared)", rows.size(), registered, described, organisations.size(), shared);
    }

    /**
     * Two instances starting at once on an empty store both load; the loser of a race for the same aggregate sends
     * again and then finds it registered (both commands are idempotent for the same data).
     */
    private void send(Object command) {
        retry.sendAndWait(() -> command, "reference topology");
    }

    static List<RegisterLocation> read(Instant at) {
        List<RegisterLocation> rows = new ArrayList<>();
        try (InputStream in = ReferenceTopologyLoader.class.getResourceAsStream(RESOURCE)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // location_id,organisation_id,name,location_type,safety_region_id,roaz_region_id,latitude,longitude,care_offered
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = splitCsv(line);
                Set<CareKind> care = EnumSet.noneOf(CareKind.class);
                Arrays.stream(f.get(8).trim().split(" ")).filter(s -> !s.isEmpty()).map(CareKind::valueOf)
                        .forEach(care::add);
                rows.add(new RegisterLocation(LocationId.of(f.get(0)), OrganisationId.of(f.get(1)), f.get(2),
                        RoazRegionId.of(f.get(5)), SafetyRegionId.of(f.get(4)), care, f.get(3),
                        Double.valueOf(f.get(6)), Double.valueOf(f.get(7)), at, LOADER));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** RFC 4180 fields: quotes around fields with commas, doubled quotes inside. */
    static List<String> splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}

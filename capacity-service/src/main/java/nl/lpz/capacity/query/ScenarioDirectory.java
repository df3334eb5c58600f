package nl.lpz.capacity.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.lpz.events.acutecare.ScenarioDefined;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The acute-care map scenarios as defined ({@code acute_care_scenario}), kept with the location directory in the
 * transaction that appends their event, so a scenario can be read right after it was defined.
 */
@Component
@ProcessingGroup(LocationDirectoryProjection.PROCESSING_GROUP)
public class ScenarioDirectory {
    private final JdbcTemplate jdbc;

    ScenarioDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ScenarioDefined event) throws JsonProcessingException {
        jdbc.update("INSERT INTO acute_care_scenario (scenario_id, name, scope, defined_at, definition) "
                        + "VALUES (?, ?, ?, ?, ?::jsonb) ON CONFLICT (scenario_id) DO NOTHING",
                event.scenarioId(), event.name(), event.scope(), Timestamp.from(event.definedAt()),
                LocationDirectory.JSON.writeValueAsString(event));
    }

    public Optional<ScenarioDefined> find(String scenarioId) {
        return jdbc.queryForList("SELECT definition::text FROM acute_care_scenario WHERE scenario_id = ?",
                String.class, scenarioId).stream().findFirst().map(ScenarioDirectory::read);
    }

    /** The scenarios of these scopes (ROAZ regions) and the national ones, newest first, at most {@code limit}. */
    public List<ScenarioDefined> list(Collection<String> scopes, int limit) {
        return jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT definition::text FROM acute_care_scenario WHERE scope IS NULL "
                    + "OR scope = ANY (?) ORDER BY defined_at DESC, scenario_id LIMIT ?");
            ps.setArray(1, con.createArrayOf("varchar", scopes.toArray()));
            ps.setInt(2, limit);
            return ps;
        }, (rs, n) -> read(rs.getString(1)));
    }

    /** Every scenario, newest first, at most {@code limit}. */
    public List<ScenarioDefined> all(int limit) {
        return jdbc.queryForList("SELECT definition::text FROM acute_care_scenario ORDER BY defined_at DESC, "
                + "scenario_id LIMIT ?", String.class, limit).stream().map(ScenarioDirectory::read).toList();
    }

    private static ScenarioDefined read(String json) {
        try {
            return LocationDirectory.JSON.readValue(json, ScenarioDefined.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable scenario", e);
        }
    }
}

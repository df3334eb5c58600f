package nl.lpz.capacity.query;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import nl.lpz.events.acutecare.MeasuredArrivals;
import nl.lpz.events.capacity.ModulePassageRecorded;
import nl.lpz.modules.ProviderKind;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * ED arrivals per location and day from the Spoed module's passages ({@code ed_arrivals_daily}): what an ED a scenario
 * closes takes in, so that its receiving EDs' extra inflow rests on the platform's own figures where they exist
 * (docs/acute-care-map.md). Kept with the directory in the transaction that appends the passage.
 */
@Component
@ProcessingGroup(LocationDirectoryProjection.PROCESSING_GROUP)
public class EdArrivals {
    static final String SPOED = "spoed";
    static final String ARRIVAL = "arrival";
    private static final ZoneId DUTCH = ZoneId.of("Europe/Amsterdam");

    private final JdbcTemplate jdbc;

    EdArrivals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ModulePassageRecorded event) {
        Instant arrival = event.moments().get(ARRIVAL);
        if (!SPOED.equals(event.moduleId()) || !ProviderKind.HOSPITAL_LOCATION.name().equals(event.providerKind())
                || arrival == null) {
            return;
        }
        jdbc.update("INSERT INTO ed_arrivals_daily (location_id, day, arrivals) VALUES (?, ?, 1) "
                        + "ON CONFLICT (location_id, day) DO UPDATE SET arrivals = ed_arrivals_daily.arrivals + 1",
                event.providerId(), Date.valueOf(LocalDate.ofInstant(arrival, DUTCH)));
    }

    /**
     * The arrivals of these locations in the days {@code from}..{@code to} (inclusive), one entry per location with
     * any; a location without passages in the period has none.
     */
    public List<MeasuredArrivals> between(Collection<String> locationIds, LocalDate from, LocalDate to) {
        if (locationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT location_id, count(*), sum(arrivals) FROM ed_arrivals_daily "
                    + "WHERE location_id = ANY (?) AND day BETWEEN ? AND ? GROUP BY location_id ORDER BY location_id");
            ps.setArray(1, con.createArrayOf("varchar", locationIds.toArray()));
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            return ps;
        }, (rs, n) -> new MeasuredArrivals(rs.getString(1), from, to, rs.getInt(2), rs.getLong(3)));
    }
}

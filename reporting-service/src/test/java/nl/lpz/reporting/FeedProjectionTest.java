package nl.lpz.reporting;

import static nl.lpz.reporting.Fixtures.bed;
import static nl.lpz.reporting.Fixtures.publish;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.events.capacity.PatientCovidStatus;
import nl.lpz.reporting.Fixtures.Published;
import nl.lpz.reporting.capacity.RegionalCapacityQuery;
import nl.lpz.reporting.readmodel.FeedsProperties;
import nl.lpz.reporting.readmodel.ReportMoments;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The world of the RCPS and LCPS feed tests: a database of their own (the feeds are national, so no other test's rows
 * may be in it), two ROAZ regions with their report moments, a fixed "now", and the organisations and locations
 * every test starts from. Events are fed through the projection; a subclass asserts through its feed's query.
 */
public abstract class FeedProjectionTest {
    protected static final String A = "ROAZ-A";
    protected static final String B = "ROAZ-B";
    /** 10:00 Europe/Amsterdam (CET) in November. */
    protected static final Instant MOMENT_A_03 = Instant.parse("2026-11-03T09:00:00Z");
    protected static final Instant MOMENT_B_03 = Instant.parse("2026-11-03T08:00:00Z");
    protected static final LocalDate NOV_02 = LocalDate.parse("2026-11-02");
    protected static final LocalDate NOV_03 = LocalDate.parse("2026-11-03");
    /** Region B reports at 09:00, every other region at the default 10:00. */
    protected static final ReportMoments MOMENTS = new ReportMoments(new FeedsProperties(null, Map.of(B, "09:00")));
    /** "Now" is 4 November 12:00 UTC. */
    protected static final Clock NOW = Clock.fixed(Instant.parse("2026-11-04T12:00:00Z"), ZoneOffset.UTC);

    protected static ProjectionDatabase db;
    protected static JdbcTemplate jdbc;
    protected static DataSourceTransactionManager transactions;
    protected static RegionalCapacityQuery regional;

    @BeforeAll
    static void database() {
        db = ProjectionDatabase.open("feeds");
        jdbc = db.jdbc();
        transactions = db.transactions();
        regional = new RegionalCapacityQuery(jdbc, transactions);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** Region A: ORG-A1 (shared) with LOC-A1, ORG-A2 (hidden) with LOC-A2; region B: ORG-B (shared) with LOC-B. */
    @BeforeEach
    void topology() {
        jdbc.execute("truncate location, bed_history, bed_current, visibility_history, threshold_history, "
                + "processed_event, consumer_offset, region_change");
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        project(publish(Fixtures.location("LOC-A1", "ORG-A1", A, "VR01")),
                publish(Fixtures.location("LOC-A2", "ORG-A2", A, "VR01")),
                publish(Fixtures.location("LOC-B", "ORG-B", B, "VR02")),
                publish(Fixtures.visibility("ORG-A1", true, true, start)),
                publish(Fixtures.visibility("ORG-B", true, true, start)));
    }

    protected static void project(Published... records) {
        db.project(records);
    }

    protected static Published report(String loc, String org, String bedId, String element, boolean covid,
                                      BedStatus status, PatientCovidStatus patient, Instant at) {
        Fixtures.Bed b = bed(loc, org, bedId).element(element).covid(covid).status(status).at(at);
        return publish(patient != null ? b.patient(patient).event() : b.event());
    }

    protected static Published a1(String bedId, String element, boolean covid, BedStatus status,
                                  PatientCovidStatus patient, Instant at) {
        return report("LOC-A1", "ORG-A1", bedId, element, covid, status, patient, at);
    }
}

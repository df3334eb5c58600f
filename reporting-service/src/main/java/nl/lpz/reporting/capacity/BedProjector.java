package nl.lpz.reporting.capacity;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.lpz.events.capacity.BedRemoved;
import nl.lpz.events.capacity.BedStatusChanged;
import nl.lpz.reporting.pipeline.Batch;
import nl.lpz.reporting.pipeline.DecodedRecord;
import nl.lpz.reporting.pipeline.UnnestColumns;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How the bed events change {@code bed_history} and {@code bed_current}: all bed events of a batch in one
 * {@code unnest} statement; idempotent by the unique {@code bed_history.event_id}.
 */
class BedProjector {
    private final JdbcTemplate jdbc;

    BedProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record BedRow(String eventId, UUID sourceEventId, String locationId, String organisationId,
                          String departmentId, String bedId, Instant occurredAt, String status, String specialistisch,
                          String specialisme, String snijdendBeschouwend, Boolean covid, String patientCovidStatus,
                          boolean removed, boolean stale, String source, String codeListVersion) {

        static BedRow of(DecodedRecord.Event e) {
            if (e.event() instanceof BedStatusChanged b) {
                return new BedRow(e.eventId(), b.sourceEventId(), b.locationId().value(), b.organisationId().value(),
                        b.departmentId().value(), b.bedId().value(), b.occurredAt(), name(b.status()),
                        b.labels().specialistisch(), b.labels().specialisme(), name(b.labels().snijdendBeschouwend()),
                        b.labels().covid(), name(b.patientCovidStatus()), false, b.stale(), name(b.source()),
                        b.codeListVersion());
            }
            BedRemoved r = (BedRemoved) e.event();
            return new BedRow(e.eventId(), null, r.locationId().value(), r.organisationId().value(),
                    r.departmentId().value(), r.bedId().value(), r.occurredAt(), null, null, null, null, null, null,
                    true, false, null, null);
        }

        private static String name(Enum<?> e) {
            return e == null ? null : e.name();
        }
    }

    private static final UnnestColumns<BedRow> COLUMNS = UnnestColumns.of(BedRow.class)
            .text(BedRow::eventId)
            .uuid(BedRow::sourceEventId)
            .text(BedRow::locationId)
            .text(BedRow::organisationId)
            .text(BedRow::departmentId)
            .text(BedRow::bedId)
            .timestamp(BedRow::occurredAt)
            .text(BedRow::status)
            .text(BedRow::specialistisch)
            .text(BedRow::specialisme)
            .text(BedRow::snijdendBeschouwend)
            .bool(BedRow::covid)
            .text(BedRow::patientCovidStatus)
            .bool(BedRow::removed)
            .bool(BedRow::stale)
            .text(BedRow::source)
            .text(BedRow::codeListVersion);

    /**
     * All bed events of the batch in one statement: the history rows are inserted in record order (duplicates by
     * event id skipped), and of the rows actually inserted the newest per bed is upserted into {@code bed_current}
     * unless the bed already holds a newer report (a stale, back-filled report stays in the history only).
     */
    private static final String PROJECT_BEDS = """
            with input as (
                select * from unnest(%s)
                    with ordinality as u(event_id, source_event_id, location_id, organisation_id, department_id,
                                         bed_id, occurred_at, status, specialistisch, specialisme,
                                         snijdend_beschouwend, covid, patient_covid_status, removed, stale, source,
                                         code_list_version, ord)
            ), inserted as (
                insert into bed_history (event_id, source_event_id, location_id, organisation_id, department_id, bed_id,
                                         occurred_at, status, specialistisch, specialisme, snijdend_beschouwend, covid,
                                         patient_covid_status, removed, stale, source, code_list_version)
                select event_id, source_event_id, location_id, organisation_id, department_id, bed_id, occurred_at,
                       status, specialistisch, specialisme, snijdend_beschouwend, covid, patient_covid_status, removed,
                       stale, source, code_list_version
                from input order by ord
                on conflict (event_id) do nothing
                returning id, event_id, location_id, organisation_id, department_id, bed_id, occurred_at, status,
                          specialistisch, specialisme, snijdend_beschouwend, covid, patient_covid_status, removed
            ), current_state as (
                insert into bed_current (location_id, department_id, bed_id, organisation_id, occurred_at, status,
                                         specialistisch, specialisme, snijdend_beschouwend, covid,
                                         patient_covid_status, removed, event_id)
                select distinct on (location_id, department_id, bed_id)
                       location_id, department_id, bed_id, organisation_id, occurred_at, status, specialistisch,
                       specialisme, snijdend_beschouwend, covid, patient_covid_status, removed, event_id
                from inserted
                order by location_id, department_id, bed_id, occurred_at desc, id desc
                on conflict (location_id, department_id, bed_id) do update set
                    organisation_id = excluded.organisation_id, occurred_at = excluded.occurred_at,
                    status = excluded.status, specialistisch = excluded.specialistisch,
                    specialisme = excluded.specialisme, snijdend_beschouwend = excluded.snijdend_beschouwend,
                    covid = excluded.covid, patient_covid_status = excluded.patient_covid_status,
                    removed = excluded.removed, event_id = excluded.event_id
                where bed_current.occurred_at <= excluded.occurred_at
            )
            select location_id, removed, count(*) as n from inserted group by location_id, removed"""
            .formatted(COLUMNS.parameters());

    /** Applies the bed events of a batch (in record order) in one statement and counts them in {@code batch}. */
    void apply(List<DecodedRecord.Event> events, ChangedLocations changes, Batch batch) {
        if (events.isEmpty()) {
            return;
        }
        List<BedRow> rows = events.stream().map(BedRow::of).toList();
        int[] fresh = {0};
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(PROJECT_BEDS);
            COLUMNS.bind(con, ps, 1, rows);
            return ps;
        }, rs -> {
            int count = rs.getInt("n");
            fresh[0] += count;
            changes.locations.add(rs.getString("location_id"));
            batch.projected(rs.getBoolean("removed") ? "BedRemoved" : "BedStatusChanged", count);
        });
        batch.duplicates(rows.size() - fresh[0]);
    }
}

package nl.lpz.reporting.validation;

import nl.lpz.reporting.feeds.ReportMoments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import nl.lpz.events.EventJson;
import nl.lpz.events.codelist.LabelCodeList;
import nl.lpz.events.ValueRules;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.ProblemCodes;
import nl.lpz.reporting.projection.Sql;
import nl.lpz.reporting.query.RegionalCapacity;
import nl.lpz.reporting.query.RegionalCapacityQuery;
import nl.lpz.reporting.validation.ValidationModels.Classification;
import nl.lpz.reporting.validation.ValidationModels.ClassificationRequest;
import nl.lpz.reporting.validation.ValidationModels.Difference;
import nl.lpz.reporting.validation.ValidationModels.Figures;
import nl.lpz.reporting.validation.ValidationModels.OrganisationReport;
import nl.lpz.reporting.validation.ValidationModels.Report;
import nl.lpz.reporting.validation.ValidationModels.Submission;
import nl.lpz.reporting.validation.ValidationModels.SubmissionRequest;
import nl.lpz.reporting.validation.ValidationModels.SubmissionSummary;
import nl.lpz.reporting.validation.ValidationModels.SubmittedElement;
import nl.lpz.reporting.validation.ValidationModels.SubmittedFigures;
import nl.lpz.reporting.validation.ValidationModels.SubmittedLocation;
import nl.lpz.reporting.validation.ValidationModels.VisibilitySwitch;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Validation (schaduwdraaien): compares the figures an organisation sent to its RCPS for a date with the platform's
 * own raw figures ({@link RegionalCapacityQuery}, viewed as the owner: no thresholds, hidden figures included) at the
 * region's report moment, stores every compared row and lets users classify the differences.
 */
@Component
public class ValidationService {
    public static final String UNKNOWN_ORGANISATION = "UNKNOWN_ORGANISATION";
    public static final String UNKNOWN_LABEL_ELEMENT = "UNKNOWN_LABEL_ELEMENT";
    public static final String COVID = "COVID";
    public static final String NON_COVID = "NON_COVID";

    private final JdbcTemplate jdbc;
    private final RegionalCapacityQuery capacity;
    private final ReportMoments reportMoment;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final LabelCodeList codeList = LabelCodeList.current();
    private final ObjectMapper json = EventJson.mapper();

    @Autowired
    public ValidationService(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                             RegionalCapacityQuery capacity, ReportMoments reportMoment) {
        this(jdbc, transactionManager, capacity, reportMoment, Clock.systemUTC());
    }

    public ValidationService(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                             RegionalCapacityQuery capacity, ReportMoments reportMoment, Clock clock) {
        this.jdbc = jdbc;
        this.capacity = capacity;
        this.reportMoment = reportMoment;
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** location id → ROAZ region id of the organisation's locations; empty: unknown organisation. */
    public Map<String, String> locationsOf(String organisationId) {
        Map<String, String> result = new TreeMap<>();
        jdbc.query("select location_id, roaz_region_id from location where organisation_id = ?",
                rs -> {
                    result.put(rs.getString(1), rs.getString(2));
                }, organisationId);
        return result;
    }

    /** 404 UNKNOWN_ORGANISATION when no location of the organisation is known; else its ROAZ regions. */
    public Set<String> requireOrganisation(String organisationId) {
        Map<String, String> locations = locationsOf(organisationId);
        if (locations.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, UNKNOWN_ORGANISATION,
                    "no location of organisation " + organisationId + " is known");
        }
        return new HashSet<>(locations.values());
    }

    private record Key(String locationId, String element, String split) {
    }

    public Submission submit(String organisationId, SubmissionRequest request, String subject, String roles) {
        Map<String, String> own = locationsOf(organisationId);
        if (own.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, UNKNOWN_ORGANISATION,
                    "no location of organisation " + organisationId + " is known");
        }
        if (request == null || request.date() == null) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "date: required (YYYY-MM-DD)");
        }
        // the report moment of the date must be an instant every store can hold (ValueRules)
        LocalDate latest = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
        if (request.date().isBefore(LocalDate.ofInstant(ValueRules.PLATFORM_EPOCH, ZoneOffset.UTC))
                || request.date().isAfter(latest)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "date: " + request.date()
                    + " is outside " + ValueRules.PLATFORM_EPOCH.toString().substring(0, 10) + " .. " + latest);
        }
        if (request.locations() == null || request.locations().isEmpty()) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "locations: at least one location required");
        }
        Map<Key, Figures> submitted = new LinkedHashMap<>();
        Map<String, List<String>> locationsByRegion = new TreeMap<>();
        for (int i = 0; i < request.locations().size(); i++) {
            SubmittedLocation l = request.locations().get(i);
            String at = "locations[" + i + "]";
            if (l == null || l.locationId() == null) {
                throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, at + ".locationId: required");
            }
            String region = own.get(l.locationId());
            if (region == null) {
                throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_ORGANISATION,
                        "location " + l.locationId() + " is not a location of organisation " + organisationId);
            }
            if (locationsByRegion.values().stream().anyMatch(ls -> ls.contains(l.locationId()))) {
                throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, at + ": location " + l.locationId()
                        + " appears twice");
            }
            locationsByRegion.computeIfAbsent(region, k -> new ArrayList<>()).add(l.locationId());
            List<SubmittedElement> elements = l.elements() == null ? List.of() : l.elements();
            for (int j = 0; j < elements.size(); j++) {
                SubmittedElement e = elements.get(j);
                String eat = at + ".elements[" + j + "]";
                if (e == null || e.specialistisch() == null) {
                    throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, eat + ".specialistisch: required");
                }
                if (codeList.specialistisch(e.specialistisch()).isEmpty()) {
                    throw new ApiException(HttpStatus.BAD_REQUEST, UNKNOWN_LABEL_ELEMENT,
                            eat + ".specialistisch: unknown element " + e.specialistisch() + " (code list "
                                    + codeList.version() + ")");
                }
                Figures covid = figures(e.covid(), eat + ".covid");
                Figures nonCovid = figures(e.nonCovid(), eat + ".nonCovid");
                if (submitted.put(new Key(l.locationId(), e.specialistisch(), COVID), covid) != null) {
                    throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, eat + ": element "
                            + e.specialistisch() + " appears twice for location " + l.locationId());
                }
                submitted.put(new Key(l.locationId(), e.specialistisch(), NON_COVID), nonCovid);
            }
        }
        Instant now = clock.instant();
        // the platform's figures per region at that region's report moment, as the owner sees them
        Map<Key, Figures> platform = new LinkedHashMap<>();
        Map<String, Instant> comparedAt = new HashMap<>();
        for (Map.Entry<String, List<String>> r : locationsByRegion.entrySet()) {
            Instant moment = reportMoment.momentOf(r.getKey(), request.date());
            if (moment.isAfter(now)) {
                throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "date: the report moment " + moment
                        + " of ROAZ region " + r.getKey() + " has not passed yet");
            }
            RegionalCapacity picture = capacity.find(r.getKey(), moment, organisationId)
                    .orElse(new RegionalCapacity(r.getKey(), moment, List.of()));
            for (RegionalCapacity.LocationCapacity l : picture.locations()) {
                if (!r.getValue().contains(l.locationId())) {
                    continue;
                }
                comparedAt.put(l.locationId(), moment);
                for (RegionalCapacity.ElementCapacity e : l.elements()) {
                    platform.put(new Key(l.locationId(), e.specialistisch(), COVID),
                            new Figures(e.covid().capacity(), e.covid().occupied()));
                    platform.put(new Key(l.locationId(), e.specialistisch(), NON_COVID),
                            new Figures(e.nonCovid().capacity(), e.nonCovid().occupied()));
                }
            }
            for (String l : r.getValue()) {
                comparedAt.putIfAbsent(l, moment);
            }
        }
        // rows: what was submitted in its order, then what only the platform knows for the submitted locations
        List<Key> keys = new ArrayList<>(submitted.keySet());
        for (Key k : platform.keySet()) {
            if (!submitted.containsKey(k)) {
                keys.add(k);
            }
        }
        keys.sort((a, b) -> {
            int la = locationOrder(request, a.locationId());
            int lb = locationOrder(request, b.locationId());
            return la != lb ? Integer.compare(la, lb) : 0;
        });
        UUID submissionId = UUID.randomUUID();
        String payload;
        try {
            payload = json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String rolesText = roles;
        tx.executeWithoutResult(s -> {
            jdbc.update("""
                            insert into validation_submission (id, organisation_id, report_date, submitted_at,
                                submitted_by_subject, submitted_by_roles, payload) values (?, ?, ?, ?, ?, ?, ?::jsonb)""",
                    submissionId, organisationId, request.date(), Sql.ts(now), subject, rolesText, payload);
            int ordinal = 0;
            for (Key k : keys) {
                Figures sub = submitted.getOrDefault(k, new Figures(0, 0));
                Figures pl = platform.getOrDefault(k, new Figures(0, 0));
                jdbc.update("""
                                insert into validation_difference (id, submission_id, organisation_id, roaz_region_id,
                                    location_id, specialistisch, covid_split, compared_at, submitted_capacity,
                                    submitted_occupied, platform_capacity, platform_occupied, ordinal)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        UUID.randomUUID(), submissionId, organisationId, own.get(k.locationId()), k.locationId(),
                        k.element(), k.split(), Sql.ts(comparedAt.get(k.locationId())), sub.capacity(),
                        sub.occupied(), pl.capacity(), pl.occupied(), ordinal++);
            }
        });
        return find(organisationId, submissionId.toString());
    }

    private static int locationOrder(SubmissionRequest request, String locationId) {
        for (int i = 0; i < request.locations().size(); i++) {
            if (request.locations().get(i).locationId().equals(locationId)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static Figures figures(SubmittedFigures f, String at) {
        if (f == null || f.capacity() == null || f.occupied() == null) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, at + ": capacity and occupied required");
        }
        if (f.capacity() < 0 || f.occupied() < 0) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, at + ": figures must not be negative");
        }
        if (f.occupied() > f.capacity()) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, at + ": occupied exceeds capacity");
        }
        return new Figures(f.capacity(), f.occupied());
    }

    private static UUID uuid(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(what + " " + id);
        }
    }

    public Submission find(String organisationId, String submissionId) {
        UUID id = uuid(submissionId, "submission");
        List<Submission> found = jdbc.query("""
                        select id, organisation_id, report_date, submitted_at, submitted_by_subject
                        from validation_submission where id = ? and organisation_id = ?""",
                (rs, i) -> new Submission(rs.getString("id"), rs.getString("organisation_id"),
                        rs.getObject("report_date", LocalDate.class), null, Sql.instant(rs, "submitted_at"),
                        rs.getString("submitted_by_subject"), 0, List.of()), id, organisationId);
        if (found.isEmpty()) {
            throw ApiException.notFound("submission " + submissionId);
        }
        Submission s = found.get(0);
        List<Difference> differences = jdbc.query("""
                select * from validation_difference where submission_id = ? order by ordinal""",
                (rs, i) -> {
                    Figures sub = new Figures(rs.getInt("submitted_capacity"), rs.getInt("submitted_occupied"));
                    Figures pl = new Figures(rs.getInt("platform_capacity"), rs.getInt("platform_occupied"));
                    String c = rs.getString("classification");
                    return new Difference(rs.getString("id"), rs.getString("location_id"),
                            rs.getString("specialistisch"), rs.getString("covid_split"), sub, pl,
                            new Figures(sub.capacity() - pl.capacity(), sub.occupied() - pl.occupied()),
                            !sub.equals(pl), c == null ? null : Classification.valueOf(c), rs.getString("note"),
                            rs.getString("classified_by_subject"), Sql.instant(rs, "classified_at"));
                }, id);
        Instant comparedAt = jdbc.query("select min(compared_at) from validation_difference where submission_id = ?",
                rs -> rs.next() ? Sql.instant(rs, "min") : null, id);
        int differing = (int) differences.stream().filter(Difference::differs).count();
        return new Submission(s.id(), s.organisationId(), s.date(), comparedAt, s.submittedAt(), s.submittedBy(),
                differing, differences);
    }

    public List<SubmissionSummary> list(String organisationId) {
        return jdbc.query("""
                        select s.id, s.organisation_id, s.report_date, s.submitted_at, s.submitted_by_subject,
                               count(d.id) as rows_,
                               count(d.id) filter (where d.submitted_capacity <> d.platform_capacity
                                   or d.submitted_occupied <> d.platform_occupied) as differing,
                               count(d.classification) as classified
                        from validation_submission s left join validation_difference d on d.submission_id = s.id
                        where s.organisation_id = ?
                        group by s.id order by s.report_date desc, s.submitted_at desc""",
                (rs, i) -> new SubmissionSummary(rs.getString("id"), rs.getString("organisation_id"),
                        rs.getObject("report_date", LocalDate.class), Sql.instant(rs, "submitted_at"),
                        rs.getString("submitted_by_subject"), rs.getInt("rows_"), rs.getInt("differing"),
                        rs.getInt("classified")), organisationId);
    }

    public Difference classify(String organisationId, String differenceId, ClassificationRequest request,
                               String subject) {
        if (request == null || request.classification() == null) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD,
                    "classification: one of TECHNICAL, PROCESS, EPD_SETUP, PLATFORM_SETUP required");
        }
        if (request.note() != null && request.note().length() > 2000) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "note: at most 2000 characters");
        }
        String noteViolation = ValueRules.textViolation(request.note());
        if (noteViolation != null) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "note " + noteViolation);
        }
        UUID id = uuid(differenceId, "difference");
        List<String> submission = jdbc.queryForList(
                "select submission_id::text from validation_difference where id = ? and organisation_id = ?",
                String.class, id, organisationId);
        if (submission.isEmpty()) {
            throw ApiException.notFound("difference " + differenceId);
        }
        jdbc.update("""
                        update validation_difference set classification = ?, note = ?, classified_by_subject = ?,
                            classified_at = ? where id = ?""",
                request.classification().name(), request.note(), subject, Sql.ts(clock.instant()), id);
        return find(organisationId, submission.get(0)).differences().stream()
                .filter(d -> d.id().equals(id.toString())).findFirst().orElseThrow();
    }

    /**
     * Counts of differing rows per classification, per organisation, over submissions whose report date lies in
     * [from, to].
     *
     * @param organisations the organisations to report on; null: all
     */
    public Report report(LocalDate from, LocalDate to, Collection<String> organisations) {
        Map<String, OrganisationReport> byOrg = new TreeMap<>();
        Map<String, Map<Classification, Integer>> counts = new HashMap<>();
        Map<String, int[]> totals = new HashMap<>();
        jdbc.query(inPeriod("""
                    select s.organisation_id, d.classification,
                           count(*) filter (where d.id is not null and (d.submitted_capacity <> d.platform_capacity
                               or d.submitted_occupied <> d.platform_occupied)) as n
                    from validation_submission s left join validation_difference d on d.submission_id = s.id
                    where s.report_date between ? and ? and (?::text[] is null or s.organisation_id = any(?::text[]))
                    group by s.organisation_id, s.id, d.classification""", from, to, organisations), rs -> {
            String org = rs.getString("organisation_id");
            counts.computeIfAbsent(org, k -> new EnumMap<>(Classification.class));
            int[] t = totals.computeIfAbsent(org, k -> new int[3]);
            String c = rs.getString("classification");
            int n = rs.getInt("n");
            t[1] += n;
            if (c == null) {
                t[2] += n;
            } else {
                counts.get(org).merge(Classification.valueOf(c), n, Integer::sum);
            }
        });
        Map<String, Integer> submissions = new HashMap<>();
        jdbc.query(inPeriod("""
                    select organisation_id, count(*) from validation_submission
                    where report_date between ? and ? and (?::text[] is null or organisation_id = any(?::text[]))
                    group by organisation_id""", from, to, organisations), rs -> {
            submissions.put(rs.getString(1), rs.getInt(2));
        });
        Map<Classification, Integer> total = new EnumMap<>(Classification.class);
        for (Classification c : Classification.values()) {
            total.put(c, 0);
        }
        int totalUnclassified = 0;
        for (Map.Entry<String, Map<Classification, Integer>> e : counts.entrySet()) {
            Map<Classification, Integer> full = new EnumMap<>(Classification.class);
            for (Classification c : Classification.values()) {
                int n = e.getValue().getOrDefault(c, 0);
                full.put(c, n);
                total.merge(c, n, Integer::sum);
            }
            int[] t = totals.get(e.getKey());
            totalUnclassified += t[2];
            byOrg.put(e.getKey(), new OrganisationReport(e.getKey(), submissions.getOrDefault(e.getKey(), 0), t[1],
                    t[2], full));
        }
        return new Report(from, to, new ArrayList<>(byOrg.values()), total, totalUnclassified);
    }

    public List<VisibilitySwitch> visibilityHistory(String organisationId) {
        return jdbc.query("""
                        select changed_at, shared, release_history, changed_by_subject, changed_by_organisation
                        from visibility_history where organisation_id = ? order by changed_at, id""",
                (rs, i) -> new VisibilitySwitch(Sql.instant(rs, "changed_at"), rs.getBoolean("shared"),
                        rs.getBoolean("release_history"), rs.getString("changed_by_subject"),
                        rs.getString("changed_by_organisation")), organisationId);
    }

    /** Organisations with a location in one of these ROAZ regions. */
    public List<String> organisationsIn(String roazRegionId) {
        return jdbc.queryForList("select distinct organisation_id from location where roaz_region_id = ?",
                String.class, roazRegionId);
    }

    /** A query whose four parameters are: from, to (report dates) and twice the organisations (null: all). */
    private static PreparedStatementCreator inPeriod(String sql, LocalDate from, LocalDate to,
                                                     Collection<String> organisations) {
        return con -> {
            var ps = con.prepareStatement(sql);
            ps.setObject(1, from);
            ps.setObject(2, to);
            java.sql.Array arr = organisations == null ? null : Sql.textArray(con, organisations);
            ps.setArray(3, arr);
            ps.setArray(4, arr);
            return ps;
        };
    }
}

package nl.lpz.reporting.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import nl.lpz.reporting.readmodel.Sql;
import nl.lpz.reporting.validation.SubmissionRules.Key;
import nl.lpz.reporting.validation.ValidationModels.Classification;
import nl.lpz.reporting.validation.ValidationModels.Difference;
import nl.lpz.reporting.validation.ValidationModels.Figures;
import nl.lpz.reporting.validation.ValidationModels.OrganisationReport;
import nl.lpz.reporting.validation.ValidationModels.Report;
import nl.lpz.reporting.validation.ValidationModels.Submission;
import nl.lpz.reporting.validation.ValidationModels.SubmissionSummary;
import nl.lpz.reporting.validation.ValidationModels.VisibilitySwitch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The validation tables ({@code validation_submission}, {@code validation_difference}) and the visibility history. */
class ValidationStore {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    ValidationStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
    }

    /** Stores a submission with its compared rows (in {@code keys} order) in one transaction. */
    void insert(UUID submissionId, String organisationId, LocalDate date, Instant now, String subject, String roles,
                String payload, List<Key> keys, Map<Key, Figures> submitted, Map<Key, Figures> platform,
                Map<String, String> own, Map<String, Instant> comparedAt) {
        tx.executeWithoutResult(s -> {
            jdbc.update("""
                            insert into validation_submission (id, organisation_id, report_date, submitted_at,
                                submitted_by_subject, submitted_by_roles, payload) values (?, ?, ?, ?, ?, ?, ?::jsonb)""",
                    submissionId, organisationId, date, Sql.ts(now), subject, roles, payload);
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
    }

    /** The submission holding this difference of the organisation. */
    Optional<String> submissionOf(String organisationId, UUID differenceId) {
        return jdbc.queryForList(
                "select submission_id::text from validation_difference where id = ? and organisation_id = ?",
                String.class, differenceId, organisationId).stream().findFirst();
    }

    void classify(UUID differenceId, Classification classification, String note, String subject, Instant at) {
        jdbc.update("""
                        update validation_difference set classification = ?, note = ?, classified_by_subject = ?,
                            classified_at = ? where id = ?""",
                classification.name(), note, subject, Sql.ts(at), differenceId);
    }

    Optional<Submission> find(String organisationId, UUID id) {
        List<Submission> found = jdbc.query("""
                        select id, organisation_id, report_date, submitted_at, submitted_by_subject
                        from validation_submission where id = ? and organisation_id = ?""",
                (rs, i) -> new Submission(rs.getString("id"), rs.getString("organisation_id"),
                        rs.getObject("report_date", LocalDate.class), null, Sql.instant(rs, "submitted_at"),
                        rs.getString("submitted_by_subject"), 0, List.of()), id, organisationId);
        if (found.isEmpty()) {
            return Optional.empty();
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
        return Optional.of(new Submission(s.id(), s.organisationId(), s.date(), comparedAt, s.submittedAt(),
                s.submittedBy(), differing, differences));
    }

    List<SubmissionSummary> list(String organisationId) {
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

    /**
     * Counts of differing rows per classification, per organisation, over submissions whose report date lies in
     * [from, to].
     *
     * @param organisations the organisations to report on; null: all
     */
    Report report(LocalDate from, LocalDate to, Collection<String> organisations) {
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

    List<VisibilitySwitch> visibilityHistory(String organisationId) {
        return jdbc.query("""
                        select changed_at, shared, release_history, changed_by_subject, changed_by_organisation
                        from visibility_history where organisation_id = ? order by changed_at, id""",
                (rs, i) -> new VisibilitySwitch(Sql.instant(rs, "changed_at"), rs.getBoolean("shared"),
                        rs.getBoolean("release_history"), rs.getString("changed_by_subject"),
                        rs.getString("changed_by_organisation")), organisationId);
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

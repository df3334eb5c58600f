package nl.lpz.reporting.validation;

import nl.lpz.reporting.ProjectionDatabase;

import nl.lpz.reporting.readmodel.FeedsProperties;
import nl.lpz.reporting.readmodel.ReportMoments;

import static nl.lpz.reporting.Fixtures.at;
import static nl.lpz.reporting.Fixtures.bed;
import static nl.lpz.reporting.Fixtures.publish;
import static nl.lpz.reporting.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.events.capacity.PatientCovidStatus;
import nl.lpz.events.capacity.Threshold;
import nl.lpz.events.capacity.VisibilityChanged;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.platform.web.ApiException;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.Fixtures.Published;
import nl.lpz.reporting.capacity.RegionalCapacityQuery;
import nl.lpz.reporting.validation.ValidationModels.Classification;
import nl.lpz.reporting.validation.ValidationModels.ClassificationRequest;
import nl.lpz.reporting.validation.ValidationModels.Difference;
import nl.lpz.reporting.validation.ValidationModels.Report;
import nl.lpz.reporting.validation.ValidationModels.Submission;
import nl.lpz.reporting.validation.ValidationModels.SubmissionRequest;
import nl.lpz.reporting.validation.ValidationModels.SubmittedElement;
import nl.lpz.reporting.validation.ValidationModels.SubmittedFigures;
import nl.lpz.reporting.validation.ValidationModels.SubmittedLocation;
import nl.lpz.reporting.validation.ValidationModels.VisibilitySwitch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Validation fed through the existing projector (no broker, no Spring context): the comparison against the
 * platform's raw figures at the report moment (10:00 Europe/Amsterdam = 09:00Z in November), classification and the
 * report.
 */
class ValidationQueryTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static ProjectionDatabase db;
    private static ValidationService validation;

    private String region;
    private String org;
    private String loc;

    @BeforeAll
    static void database() {
        db = ProjectionDatabase.open("projection");
        JdbcTemplate jdbc = db.jdbc();
        DataSourceTransactionManager tm = db.transactions();
        validation = new ValidationService(jdbc, tm, new RegionalCapacityQuery(jdbc, tm),
                new ReportMoments(FeedsProperties.defaults()),
                Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void aHiddenLocation() {
        region = unique("ROAZ");
        org = unique("ORG");
        loc = unique("LOC");
        project(publish(Fixtures.location(loc, org, region, "VR01")));
    }

    private static void project(Published... records) {
        db.project(records);
    }

    private static SubmittedElement element(String code, int covidCap, int covidOcc, int cap, int occ) {
        return new SubmittedElement(code, new SubmittedFigures(covidCap, covidOcc), new SubmittedFigures(cap, occ));
    }

    private SubmissionRequest request(SubmittedElement... elements) {
        return new SubmissionRequest(DAY, List.of(new SubmittedLocation(loc, List.of(elements))));
    }

    private static Difference row(Submission s, String element, String split) {
        return s.differences().stream().filter(d -> d.specialistisch().equals(element) && d.covidSplit().equals(split))
                .findFirst().orElseThrow();
    }

    @Test
    void givenBedsBeforeAndAfterTheReportMoment_whenSubmitted_thenComparedWithTheRawFiguresAtTenOClock() {
        // at 10:00 local (09:00Z): IC 2 COVID beds (1 occupied) + 1 non-COVID available, a threshold of 1 (ignored)
        project(publish(bed(loc, org, "B1").element("IC_BEADEMD").covid(true).patient(PatientCovidStatus.COVID)
                        .at(at(1)).event()),
                publish(bed(loc, org, "B2").element("IC_BEADEMD").covid(true).status(BedStatus.AVAILABLE)
                        .at(at(2)).event()),
                publish(bed(loc, org, "B3").element("IC_BEADEMD").status(BedStatus.AVAILABLE).at(at(3)).event()),
                publish(Fixtures.thresholds(loc, org, at(0), new Threshold("IC_BEADEMD", 1))),
                // after the report moment: does not count
                publish(bed(loc, org, "B4").element("IC_BEADEMD").status(BedStatus.OCCUPIED).at(at(90)).event()),
                publish(bed(loc, org, "B5").status(BedStatus.OCCUPIED).at(at(4)).event()));

        Submission s = validation.submit(org, request(element("IC_BEADEMD", 2, 1, 2, 0)), "coordinator", "HOSPITAL");

        assertThat(s.comparedAt()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
        Difference covid = row(s, "IC_BEADEMD", ValidationService.COVID);
        assertThat(covid.submitted().capacity()).isEqualTo(2);
        assertThat(covid.platform().capacity()).isEqualTo(2);
        assertThat(covid.platform().occupied()).isEqualTo(1);
        assertThat(covid.differs()).isFalse();
        Difference nonCovid = row(s, "IC_BEADEMD", ValidationService.NON_COVID);
        assertThat(nonCovid.platform().capacity()).isEqualTo(1);
        assertThat(nonCovid.difference().capacity()).isEqualTo(1);
        assertThat(nonCovid.differs()).isTrue();
        assertThat(nonCovid.classification()).isNull();
        assertThat(nonCovid.id()).isNotBlank();
        // an element only the platform knows is compared with 0 submitted
        Difference clinic = row(s, "KLINIEK_VOLWASSENEN", ValidationService.NON_COVID);
        assertThat(clinic.submitted().capacity()).isZero();
        assertThat(clinic.platform().occupied()).isEqualTo(1);
        assertThat(clinic.difference().occupied()).isEqualTo(-1);
        assertThat(s.differing()).isEqualTo(2);
    }

    @Test
    void givenADifference_whenClassified_thenWhoAndWhenAreStoredAndReported() {
        project(publish(bed(loc, org, "B1").status(BedStatus.OCCUPIED).at(at(1)).event()));
        Submission s = validation.submit(org, request(element("KLINIEK_VOLWASSENEN", 0, 0, 3, 1)), "c1", "HOSPITAL");
        Difference d = row(s, "KLINIEK_VOLWASSENEN", ValidationService.NON_COVID);

        Difference classified = validation.classify(org, d.id(),
                new ClassificationRequest(Classification.EPD_SETUP, "two beds not mapped in HiX"), "c2");

        assertThat(classified.classification()).isEqualTo(Classification.EPD_SETUP);
        assertThat(classified.note()).isEqualTo("two beds not mapped in HiX");
        assertThat(classified.classifiedBy()).isEqualTo("c2");
        assertThat(classified.classifiedAt()).isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(validation.find(org, s.id()).differences()).contains(classified);
        Report report = validation.report(DAY, DAY, Set.of(org));
        assertThat(report.organisations()).hasSize(1);
        assertThat(report.organisations().get(0).submissions()).isEqualTo(1);
        assertThat(report.organisations().get(0).byClassification().get(Classification.EPD_SETUP)).isEqualTo(1);
        assertThat(report.organisations().get(0).byClassification().get(Classification.TECHNICAL)).isZero();
        assertThat(report.totalUnclassified()).isZero();
        assertThat(validation.report(DAY.plusDays(1), DAY.plusDays(2), Set.of(org)).organisations()).isEmpty();
        assertThat(validation.list(org)).singleElement().satisfies(sum -> {
            assertThat(sum.differing()).isEqualTo(1);
            assertThat(sum.classified()).isEqualTo(1);
        });
    }

    @Test
    void givenAnUnknownElementOrAForeignLocation_whenSubmitted_thenRefusedWithTheirCodes() {
        String otherLoc = unique("LOC");
        project(publish(Fixtures.location(otherLoc, unique("ORG"), region, "VR01")));

        assertThatThrownBy(() -> validation.submit(org, request(element("NO_SUCH_ELEMENT", 0, 0, 1, 0)), "c", "H"))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo(ValidationService.UNKNOWN_LABEL_ELEMENT));
        assertThatThrownBy(() -> validation.submit(org, new SubmissionRequest(DAY, List.of(new SubmittedLocation(
                otherLoc, List.of(element("IC_BEADEMD", 0, 0, 1, 0))))), "c", "H"))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo("FORBIDDEN_ORGANISATION"));
        assertThatThrownBy(() -> validation.submit(org, new SubmissionRequest(LocalDate.of(2026, 11, 25),
                List.of(new SubmittedLocation(loc, List.of()))), "c", "H"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("INVALID_FIELD"));
    }

    @Test
    void givenVisibilitySwitches_whenHistoryIsListed_thenWhoAndWhenAppear() {
        project(publish(new VisibilityChanged(new OrganisationId(org), true, false, at(5),
                        new Actor("coordinator-7", org))),
                publish(new VisibilityChanged(new OrganisationId(org), false, false, at(9), Actor.SYSTEM)));

        List<VisibilitySwitch> history = validation.visibilityHistory(org);

        assertThat(history).hasSize(2);
        assertThat(history.get(0).changedBy()).isEqualTo("coordinator-7");
        assertThat(history.get(0).changedByOrganisation()).isEqualTo(org);
        assertThat(history.get(0).shared()).isTrue();
        assertThat(history.get(1).changedAt()).isEqualTo(at(9));
        assertThat(history.get(1).shared()).isFalse();
    }
}

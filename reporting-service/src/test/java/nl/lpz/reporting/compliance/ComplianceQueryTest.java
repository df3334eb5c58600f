package nl.lpz.reporting.compliance;

import nl.lpz.reporting.ProjectionDatabase;

import static nl.lpz.reporting.Fixtures.T0;
import static nl.lpz.reporting.Fixtures.at;
import static nl.lpz.reporting.Fixtures.bed;
import static nl.lpz.reporting.Fixtures.publish;
import static nl.lpz.reporting.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.LocationRegistered;
import nl.lpz.events.capacity.PatientCovidStatus;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.events.ids.SafetyRegionId;
import nl.lpz.platform.web.ApiException;
import nl.lpz.reporting.Fixtures.Published;
import nl.lpz.reporting.StopFixtures;
import nl.lpz.reporting.compliance.ComplianceModels.Activation;
import nl.lpz.reporting.compliance.ComplianceModels.Compliance;
import nl.lpz.reporting.compliance.ComplianceModels.Hospital;
import nl.lpz.reporting.compliance.ComplianceModels.Module;
import nl.lpz.reporting.compliance.ComplianceModels.Region;
import nl.lpz.reporting.compliance.ComplianceModels.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.env.MockEnvironment;

/** Delivery compliance fed through the existing projector: percentages per module, COVID activation and lateness. */
class ComplianceQueryTest {
    private static final Instant ACTIVATED = at(30);
    private static ProjectionDatabase db;
    private static JdbcTemplate jdbc;
    private static ComplianceService compliance;

    private String region;
    private String orgA;
    private String orgB;
    private String orgC;

    @BeforeAll
    static void database() {
        db = ProjectionDatabase.open("projection");
        jdbc = db.jdbc();
        DataSourceTransactionManager tm = db.transactions();
        compliance = new ComplianceService(jdbc, new MockEnvironment(), Clock.fixed(ACTIVATED, ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void threeOrganisationsInARegion() {
        region = unique("ROAZ");
        orgA = unique("ORG");
        orgB = unique("ORG");
        orgC = unique("ORG");
    }

    @AfterEach
    void noActivationLeftBehind() {
        jdbc.update("update compliance_activation set deactivated_at = now() where deactivated_at is null");
    }

    private static void project(Published... records) {
        db.project(records);
    }

    private String location(String org, CareKind... care) {
        String loc = unique("LOC");
        project(publish(new LocationRegistered(LocationId.of(loc), new OrganisationId(org), "Ziekenhuis " + loc,
                new RoazRegionId(region), new SafetyRegionId("VR03"), Set.of(care), "Algemeen ziekenhuis", null,
                null, T0.minusSeconds(86_400), Actor.SYSTEM)));
        return loc;
    }

    private static Hospital hospital(Compliance c, String org) {
        Region r = c.regions().get(0);
        return r.hospitals().stream().filter(h -> h.organisationId().equals(org)).findFirst().orElseThrow();
    }

    @Test
    void givenABedReportInTheWindowAndOneBeforeIt_whenKliniekIsQueried_thenOneOfThreeDelivers() {
        String a = location(orgA, CareKind.SEH);
        String b = location(orgB, CareKind.SEH);
        location(orgC, CareKind.SEH);
        project(publish(bed(a, orgA, "B1").at(at(10)).event()),
                publish(bed(b, orgB, "B1").at(at(60).minus(Duration.ofHours(25))).event()));

        Compliance c = compliance.compliance(Module.KLINIEK, region, at(60));

        assertThat(c.window()).isEqualTo(Duration.ofHours(24));
        assertThat(c.regions()).singleElement().satisfies(r -> {
            assertThat(r.roazRegionId()).isEqualTo(region);
            assertThat(r.organisations()).isEqualTo(3);
            assertThat(r.delivering()).isEqualTo(1);
            assertThat(r.percentage()).isEqualTo(33.3);
        });
        assertThat(hospital(c, orgA).lastDeliveryAt()).isEqualTo(at(10));
        assertThat(hospital(c, orgB).status()).isEqualTo(Status.NOT_DELIVERED);
        assertThat(c.kpi().targetPercentage()).isEqualTo(100);
        assertThat(c.kpi().met()).isFalse();
    }

    @Test
    void givenCovidLabelsAndPatientStatuses_whenCovidIsQueried_thenTwoOfThreeDeliver() {
        String a = location(orgA, CareKind.SEH);
        String b = location(orgB, CareKind.SEH);
        String cl = location(orgC, CareKind.SEH);
        project(publish(bed(a, orgA, "B1").covid(true).at(at(10)).event()),
                publish(bed(b, orgB, "B1").patient(PatientCovidStatus.NON_COVID).at(at(11)).event()),
                publish(bed(cl, orgC, "B1").status(BedStatus.AVAILABLE).at(at(12)).event()));

        Compliance c = compliance.compliance(Module.COVID, region, at(60));

        assertThat(c.national().delivering()).isEqualTo(2);
        assertThat(c.national().percentage()).isEqualTo(66.7);
        assertThat(hospital(c, orgC).delivering()).isFalse();
        assertThat(c.kpi().date()).hasToString("2025-11-01");
        assertThat(c.activation()).isNull();
    }

    @Test
    void givenEmergencyDepartmentsWithAStopABedReportAndSilence_whenSpoedIsQueried_thenOnlyLiveOnesDeliver() {
        String a = location(orgA, CareKind.SEH, CareKind.CCU);
        location(orgB, CareKind.PCI);
        location(orgC, CareKind.SEH);
        String orgD = unique("ORG");
        String d = location(orgD, CareKind.SEH);
        project(StopFixtures.publish(StopFixtures.Stop.of("VR03", region, CareKind.CCU, a, orgA, at(10), 60)
                .declared()));
        project(publish(bed(d, orgD, "B1").at(at(20)).event()));

        Compliance c = compliance.compliance(Module.SPOED, region, at(60));

        // orgB has no emergency department: not part of the Spoed module at all
        assertThat(c.regions().get(0).hospitals()).extracting(Hospital::organisationId)
                .containsExactlyInAnyOrder(orgA, orgC, orgD);
        assertThat(hospital(c, orgA).status()).isEqualTo(Status.DELIVERED);
        assertThat(hospital(c, orgA).lastDeliveryAt()).isEqualTo(at(10));
        assertThat(hospital(c, orgD).lastDeliveryAt()).isEqualTo(at(20));
        assertThat(hospital(c, orgC).delivering()).isFalse();
        assertThat(hospital(c, orgC).status()).isEqualTo(Status.NOT_DELIVERED);
        assertThat(c.regions().get(0).percentage()).isEqualTo(66.7);
    }

    @Test
    void givenAnActivatedCovidModule_whenQueriedBeforeAndAfterTheDeadline_thenPendingThenLate() {
        String a = location(orgA, CareKind.SEH);
        String b = location(orgB, CareKind.SEH);
        Activation activation = compliance.activate(Module.COVID, null, "vws-1");
        assertThat(activation.deadline()).isEqualTo(ACTIVATED.plus(Duration.ofDays(3)));
        assertThat(activation.activatedBy()).isEqualTo("vws-1");
        assertThatThrownBy(() -> compliance.activate(Module.COVID, null, "vws-2"))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo(ComplianceService.ALREADY_ACTIVE));
        // A delivers after the activation; B only before it
        project(publish(bed(a, orgA, "B1").covid(true).at(at(40)).event()),
                publish(bed(b, orgB, "B1").covid(true).at(at(10)).event()));

        Compliance before = compliance.compliance(Module.COVID, region, at(60));
        Compliance after = compliance.compliance(Module.COVID, region, ACTIVATED.plus(Duration.ofDays(4)));

        assertThat(before.activation().id()).isEqualTo(activation.id());
        assertThat(before.windowStart()).isEqualTo(ACTIVATED);
        assertThat(hospital(before, orgA).status()).isEqualTo(Status.DELIVERED);
        assertThat(hospital(before, orgB).status()).isEqualTo(Status.PENDING);
        assertThat(hospital(after, orgB).status()).isEqualTo(Status.LATE);
        assertThat(after.regions().get(0).late()).isEqualTo(1);
        assertThat(after.national().late()).isEqualTo(1);

        Activation ended = compliance.deactivate(Module.COVID, "vws-1");
        assertThat(ended.active()).isFalse();
        assertThat(ended.deactivatedBy()).isEqualTo("vws-1");
        assertThat(compliance.compliance(Module.COVID, region, at(60)).activation()).isNull();
    }
}

package nl.lpz.reporting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The read side's layering: HTTP on top of queries, projection below, Kafka only in messaging. */
@AnalyzeClasses(packages = "nl.lpz.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule queriesAndProjectionKnowNoHttp = noClasses()
            .that().resideInAnyPackage("..reporting.query..", "..reporting.projection..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "..reporting.web..",
                    "nl.lpz.platform.web..");

    @ArchTest
    static final ArchRule webDoesNotTouchTheDatabaseOrKafkaDirectly = noClasses()
            .that().resideInAPackage("..reporting.web..").and().doNotHaveSimpleName("RegionChangeHub")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "org.apache.kafka..",
                    "org.springframework.kafka..");

    @ArchTest
    static final ArchRule onlyMessagingListensToKafka = noClasses()
            .that().resideOutsideOfPackages("..reporting.messaging..", "..reporting.config..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.kafka..");

    @ArchTest
    static final ArchRule noJpa = noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..");
}

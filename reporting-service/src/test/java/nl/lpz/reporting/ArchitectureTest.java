package nl.lpz.reporting;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import nl.lpz.reporting.pipeline.Projection;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read side by read model (docs/adr/0011-reporting-slices.md): every direct sub-package of
 * {@code nl.lpz.reporting} is a slice. {@code pipeline} (consuming machinery), {@code readmodel} (what several read
 * models read alike) and {@code config} are shared; every other slice is one read model or feed and depends on the
 * shared slices only — except {@code validation}, {@code publicfigures} and {@code childrenicu}, which are derived
 * from the regional picture ({@code capacity}'s {@code RegionalCapacityQuery}).
 */
@AnalyzeClasses(packages = "nl.lpz.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] SHARED = {"nl.lpz.reporting.pipeline..", "nl.lpz.reporting.readmodel..",
            "nl.lpz.reporting.config.."};

    @ArchTest
    static final ArchRule slicesAreFreeOfCycles = slices().matching("nl.lpz.reporting.(*)..").namingSlices("$1")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule aReadModelDependsOnTheSharedSlicesOnly = slices().matching("nl.lpz.reporting.(*)..")
            .namingSlices("$1")
            .should().notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAnyPackage(SHARED))
            .ignoreDependency(resideInAnyPackage("nl.lpz.reporting.validation..", "nl.lpz.reporting.publicfigures..",
                            "nl.lpz.reporting.childrenicu.."),
                    resideInAPackage("nl.lpz.reporting.capacity.."))
            .because("a read model is one package: its projection, query and controller (ADR 0011)");

    @ArchTest
    static final ArchRule noLayerPackages = noClasses()
            .should().resideInAnyPackage("nl.lpz.reporting.projection..", "nl.lpz.reporting.query..",
                    "nl.lpz.reporting.web..", "nl.lpz.reporting.messaging..")
            .because("the read side is cut by read model, not by layer (ADR 0011)");

    @ArchTest
    static final ArchRule projectionsAreFoundNotCalled = classes().that().implement(Projection.class)
            .should().notBePublic()
            .because("the pipeline finds a read model's projection as a bean; nothing else calls it");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes().that().areAnnotatedWith(RestController.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule projectionsAndQueriesKnowNoHttp = noClasses()
            .that().haveSimpleNameEndingWith("Projector").or().haveSimpleNameEndingWith("Projection")
            .or().haveSimpleNameEndingWith("Query").or().haveSimpleNameEndingWith("Store")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "nl.lpz.platform.web..");

    @ArchTest
    static final ArchRule controllersDoNotTouchTheDatabaseOrKafkaDirectly = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "org.apache.kafka..",
                    "org.springframework.kafka..");

    /** Read models project through the pipeline; the audit trail is no read model and has its own consumer (ADR 0018). */
    @ArchTest
    static final ArchRule onlyThePipelineListensToKafka = noClasses()
            .that().resideOutsideOfPackages("nl.lpz.reporting.pipeline..", "nl.lpz.reporting.config..",
                    "nl.lpz.reporting.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.kafka..");

    @ArchTest
    static final ArchRule noJpa = noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..");
}

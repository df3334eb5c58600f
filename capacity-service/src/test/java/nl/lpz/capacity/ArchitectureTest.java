package nl.lpz.capacity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

@AnalyzeClasses(packages = "nl.lpz.capacity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandSideUsesNoSpringMvcOrJpa = noClasses()
            .that().resideInAPackage("..capacity.command..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                    "org.springframework.http..", "jakarta.persistence..", "org.springframework.data.jpa..",
                    "org.springframework.orm..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule webUsesNoAggregateDirectly = noClasses()
            .that().resideInAPackage("..capacity.web..")
            .should().dependOnClassesThat().areAnnotatedWith(Aggregate.class)
            .orShould().dependOnClassesThat().haveSimpleName("EventReceipts")
            .orShould().dependOnClassesThat().resideInAnyPackage("org.axonframework.eventsourcing..");

    @ArchTest
    static final ArchRule querySideKnowsNoWebOrCommandInternals = noClasses()
            .that().resideInAPackage("..capacity.query..")
            .should().dependOnClassesThat().resideInAnyPackage("..capacity.web..", "..capacity.command..");
}

package nl.lpz.capacity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.lpz.capacity");

    @Test
    void givenCommandPackage_thenNoSpringMvcOrJpaTypes() {
        noClasses().that().resideInAPackage("..capacity.command..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                        "org.springframework.http..", "jakarta.persistence..", "org.springframework.data.jpa..",
                        "org.springframework.orm..", "jakarta.servlet..")
                .check(CLASSES);
    }

    @Test
    void givenWebPackage_thenNoDirectUseOfAggregates() {
        noClasses().that().resideInAPackage("..capacity.web..")
                .should().dependOnClassesThat().areAnnotatedWith(Aggregate.class)
                .orShould().dependOnClassesThat().haveSimpleName("EventReceipts")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.axonframework.eventsourcing..")
                .check(CLASSES);
    }

    @Test
    void givenQueryPackage_thenNoDependencyOnWebOrCommandInternals() {
        noClasses().that().resideInAPackage("..capacity.query..")
                .should().dependOnClassesThat().resideInAnyPackage("..capacity.web..", "..capacity.command..")
                .check(CLASSES);
    }
}

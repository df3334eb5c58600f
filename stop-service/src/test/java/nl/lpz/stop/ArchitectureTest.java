package nl.lpz.stop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "nl.lpz.stop", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandSideUsesNoSpringMvcOrJpa = noClasses()
            .that().resideInAPackage("..stop.command..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.persistence..",
                    "org.springframework.http..");

    @ArchTest
    static final ArchRule webSendsThroughTheDeskNotTheCommandBus = noClasses()
            .that().resideInAPackage("..stop.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.commandhandling..",
                    "org.springframework.jdbc..", "..stop.query..");

    @ArchTest
    static final ArchRule nothingDependsOnTheWebLayer = noClasses()
            .that().resideOutsideOfPackage("..stop.web..")
            .should().dependOnClassesThat().resideInAPackage("..stop.web..");
}

package nl.lpz.stop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "nl.lpz.stop", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule command_side_uses_no_spring_mvc_or_jpa = noClasses()
            .that().resideInAPackage("..stop.command..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.persistence..",
                    "org.springframework.http..");

    @ArchTest
    static final ArchRule web_sends_through_the_desk_not_the_command_bus = noClasses()
            .that().resideInAPackage("..stop.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.commandhandling..",
                    "org.springframework.jdbc..", "..stop.query..");

    @ArchTest
    static final ArchRule nothing_depends_on_the_web_layer = noClasses()
            .that().resideOutsideOfPackage("..stop.web..")
            .should().dependOnClassesThat().resideInAPackage("..stop.web..");
}

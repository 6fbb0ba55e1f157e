package org.example.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The structure rules every module keeps, checked by its build: each module's {@code ModuleStructureTests} extends
 * this class and names its root package. Each top-level package under the root is a feature module (Spring Modulith);
 * the rest are the checkable rules of STYLE.md (ArchUnit). A module whose code does not yet keep a rule lists the
 * violations it still has in {@link #knownViolations()}, each with the issue that removes it; nothing else is ignored.
 */
public abstract class ModuleStructure {

    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();
    private static final String SUITE = "org.example..";
    private static final String PLATFORM = "org.example.platform..";

    /** This module's main classes only (tests run in the module's folder), not those of the modules it uses. */
    private static final String OWN_CLASSES = Path.of("target", "classes").toAbsolutePath() + "/";

    private final String rootPackage;

    /** @param rootPackage the module's root package, e.g. {@code org.example.hosp} */
    protected ModuleStructure(String rootPackage) {
        this.rootPackage = rootPackage;
    }

    /**
     * Parts of violation messages (a class, a package, a method) that this module is still allowed, each with the
     * issue that will remove it; empty for a module that keeps every rule.
     */
    protected List<String> knownViolations() {
        return List.of();
    }

    /** Whether the module may use the platform library (every module but the platform itself and the launcher). */
    protected boolean usesPlatform() {
        return true;
    }

    @Test
    void featurePackagesUseEachOtherOnlyThroughWhatTheyPublishAndFormNoCycles() {
        var violations = ApplicationModules.of(rootPackage).detectViolations().getMessages().stream()
                .filter(notKnown())
                .toList();
        if (!violations.isEmpty()) {
            throw new AssertionError("Feature packages of " + rootPackage + " break their boundaries:\n"
                    + String.join("\n", violations));
        }
    }

    @Test
    void importsNoOtherServiceAndNothingOfTheSuiteButThePlatform() {
        var own = rootPackage + "..";
        var allowed = usesPlatform() ? resideInAnyPackage(own, PLATFORM) : resideInAPackage(own);
        check(noClasses()
                .should()
                .dependOnClassesThat(resideInAPackage(SUITE).and(not(allowed)))
                .as("no class of " + rootPackage + " uses another service" + (usesPlatform() ? "" : " or module")));
    }

    @Test
    void keepsEntitiesAndRepositoriesInsideTheirFeature() {
        check(classes()
                .that()
                .areAnnotatedWith("jakarta.persistence.Entity")
                .or()
                .areAssignableTo("org.springframework.data.repository.Repository")
                .should()
                .notBePublic()
                .allowEmptyShould(true)
                .as("entities and Spring Data repositories are package-private"));
    }

    @Test
    void controllersDoNotTouchTheDatabase() {
        check(noClasses()
                .that()
                .areMetaAnnotatedWith("org.springframework.stereotype.Controller")
                .should()
                .dependOnClassesThat()
                .areAssignableTo("org.springframework.data.repository.Repository")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc.core..", "jakarta.persistence..")
                .allowEmptyShould(true)
                .as("controllers go through their feature's service, never to a repository, JDBC or JPA"));
    }

    @Test
    void readsTheTimeOnlyThroughAnInjectedClock() {
        check(noClasses()
                .should()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(LocalTime.class, "now")
                .orShould()
                .callMethod(OffsetDateTime.class, "now")
                .orShould()
                .callMethod(ZonedDateTime.class, "now")
                .as("the time is read from an injected java.time.Clock (now(clock)), never from the system directly"));
    }

    @Test
    void namesNoClassAfterAHelper() {
        var rule = noClasses().should().haveSimpleNameEndingWith("Util");
        for (var suffix : List.of("Utils", "Helper", "Helpers", "Manager", "Impl", "Dto", "DTO", "Mapper")) {
            rule = rule.orShould().haveSimpleNameEndingWith(suffix);
        }
        check(rule.as("no class is named *Util, *Helper, *Manager, *Impl, *Dto or *Mapper"));
    }

    @Test
    void namesNoPackageAfterATechnicalType() {
        check(noClasses()
                .should()
                .resideInAnyPackage(
                        "..controller..",
                        "..controllers..",
                        "..service..",
                        "..services..",
                        "..repository..",
                        "..repositories..",
                        "..dto..",
                        "..entity..",
                        "..entities..",
                        "..model..",
                        "..util..",
                        "..utils..",
                        "..helper..",
                        "..common..")
                .as("packages are features, never named after a technical type (controller, service, dto, util …)"));
    }

    @Test
    void takesDependenciesThroughConstructors() {
        check(GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION);
    }

    @Test
    void logsThroughTheLoggerNeverToTheStandardStreams() {
        check(noClasses()
                .should()
                .accessTargetWhere(DescribedPredicate.describe(
                        "System.out, System.err or printStackTrace() outside a command-line main method",
                        access -> !access.getOrigin().getName().equals("main")
                                && (access.getTargetOwner().isEquivalentTo(System.class)
                                                && Set.of("out", "err").contains(access.getName())
                                        || access.getTargetOwner().isAssignableTo(Throwable.class)
                                                && access.getName().equals("printStackTrace"))))
                .as("services log through their logger, never to the standard streams (a main method may print)"));
    }

    private void check(ArchRule rule) {
        var result = rule.evaluate(imported()).filterDescriptionsMatching(notKnown());
        if (result.hasViolation()) {
            throw new AssertionError(result.getFailureReport().toString());
        }
    }

    private Predicate<String> notKnown() {
        var known = knownViolations();
        return line -> known.stream().noneMatch(line::contains);
    }

    private JavaClasses imported() {
        return IMPORTED.computeIfAbsent(
                rootPackage,
                root -> new ClassFileImporter()
                        .withImportOption(location -> location.contains(OWN_CLASSES))
                        .importPackages(root));
    }
}

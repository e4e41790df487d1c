package org.commentguard.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.commentguard.platform.error.ApiProblem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package graph of the service's own classes (target/classes, not the tests): packages point one way, with
 * {@code platform} at the bottom, and only the HTTP layer speaks HTTP. The README's architecture section draws the
 * graph these rules hold.
 */
class ArchitectureTest {

    private static final String ROOT = "org.commentguard";

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /**
     * Resources, filters and error mappers: classes with a JAX-RS {@code @Path}, classes holding RESTEasy's
     * {@code @ServerExceptionMapper} / {@code @ServerRequestFilter} / {@code @ServerResponseFilter} methods, the
     * HTTP error package {@code platform.error}, and the classes nested in any of them (request and view records).
     */
    static final DescribedPredicate<JavaClass> HTTP_LAYER =
            new DescribedPredicate<>("resources, filters and error mappers") {
                @Override
                public boolean test(JavaClass c) {
                    for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
                        if (k.getPackageName().startsWith(ROOT + ".platform.error")
                                || k.isAnnotatedWith(Path.class)
                                || k.getMethods().stream()
                                        .anyMatch(m -> m.isAnnotatedWith(ServerExceptionMapper.class)
                                                || m.isAnnotatedWith(ServerRequestFilter.class)
                                                || m.isAnnotatedWith(ServerResponseFilter.class))) {
                            return true;
                        }
                    }
                    return false;
                }
            };

    static ArchRule noCycleBetweenFeatures(String root) {
        return slices().matching(root + ".(*)..")
                .namingSlices("feature $1")
                .should()
                .beFreeOfCycles();
    }

    static ArchRule noCycleBetweenPackages(String root) {
        return slices().matching(root + ".(**)")
                .namingSlices("package $1")
                .should()
                .beFreeOfCycles();
    }

    static ArchRule platformImportsNoFeature(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + ".platform..")
                .should()
                .dependOnClassesThat(resideInAPackage(root + "..").and(not(resideInAPackage(root + ".platform.."))))
                .because("platform is the bottom layer: errors, clock, database, JSON; features build on it");
    }

    static final ArchRule ONLY_THE_HTTP_LAYER_SPEAKS_HTTP = noClasses()
            .that(not(HTTP_LAYER))
            .should()
            .dependOnClassesThat(assignableTo(ApiProblem.class))
            .orShould()
            .dependOnClassesThat(assignableTo(WebApplicationException.class))
            .orShould()
            .dependOnClassesThat(assignableTo(Response.class))
            .because("services throw platform.failure exceptions; resources and error mappers turn them into "
                    + "statuses and problem+json");

    @Test
    void theServiceClassesAreTheOnesChecked() {
        assertThat(SERVICE.containPackage(ROOT + ".platform")).isTrue();
        assertThat(SERVICE.contain(ApiProblem.class)).isTrue();
        assertThat(SERVICE.contain(ArchitectureTest.class)).isFalse();
        assertThat(SERVICE.size()).isGreaterThan(100);
    }

    @Test
    void featurePackagesDoNotImportEachOtherInACycle() {
        noCycleBetweenFeatures(ROOT).check(SERVICE);
    }

    @Test
    void subPackagesDoNotImportEachOtherInACycleEither() {
        noCycleBetweenPackages(ROOT).check(SERVICE);
    }

    @Test
    void platformImportsNoFeaturePackage() {
        platformImportsNoFeature(ROOT).check(SERVICE);
    }

    @Test
    void onlyResourcesFiltersAndErrorMappersKnowHttp() {
        ONLY_THE_HTTP_LAYER_SPEAKS_HTTP.check(SERVICE);
    }

    @Test
    void theCycleRulesCatchACycleAndAPlatformThatCallsUp() {
        String root = "org.commentguard.architecture.fixture";
        JavaClasses fixture = new ClassFileImporter().importPackages(root);
        assertThat(noCycleBetweenFeatures(root).evaluate(fixture).hasViolation())
                .isTrue();
        assertThat(noCycleBetweenPackages(root).evaluate(fixture).hasViolation())
                .isTrue();
        assertThat(platformImportsNoFeature(root).evaluate(fixture).hasViolation())
                .isTrue();
    }

    @Test
    void theHttpRuleCatchesAServiceThatBuildsAProblem() {
        JavaClasses fixture = new ClassFileImporter().importPackages("org.commentguard.architecture.fixture");
        assertThat(ONLY_THE_HTTP_LAYER_SPEAKS_HTTP
                        .evaluate(fixture)
                        .getFailureReport()
                        .getDetails())
                .anyMatch(line -> line.contains("fixture.upper.UpperService"));
    }
}

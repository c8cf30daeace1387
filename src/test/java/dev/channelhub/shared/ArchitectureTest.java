package dev.channelhub.shared;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The house rules (docs/DEVELOPING.md "House rules"), stated once and checked on the compiled main classes.
 * Exceptions are named here with their reason; an exception without a reason is a defect.
 */
@AnalyzeClasses(packages = "dev.channelhub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String BASE = "dev.channelhub.";

    /** Where SQL may be written and run: repositories, {@code *Sql} statement holders and the persistence infrastructure. */
    private static final Set<String> SQL_INFRASTRUCTURE_PACKAGES = Set.of(BASE + "shared.persistence");

    private static final String PANACHE = "moving to Hibernate Reactive in feat/panache";

    /**
     * Temporary, named exceptions to "no SQL outside repositories": each with its reason. Remove a line when its reason is
     * gone; a class listed here that no longer runs SQL fails {@link #sqlExceptionsAreStillNeeded}.
     */
    static final Map<String, String> SQL_OUTSIDE_REPOSITORIES = Map.ofEntries(
            Map.entry(BASE + "shared.idempotency.IdempotencyService", "persistence infrastructure: the one class that implements the "
                    + "idempotency protocol (claim, wait, record) on its own table; it is shared, not a feature"));

    /** The feature packages (slices) are free of cycles: a lower feature states what it needs as a hook, a higher one implements it. */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("dev.channelhub.(*)..").should().beFreeOfCycles();

    /** {@code shared} is the floor: it imports no feature. */
    @ArchTest
    static final ArchRule sharedImportsNoFeature = noClasses().that().resideInAPackage(BASE + "shared..")
            .should().dependOnClassesThat(new DescribedPredicate<>("are in a feature package") {
                @Override
                public boolean test(JavaClass c) {
                    return featureOf(c).filter(f -> !f.equals("shared")).isPresent();
                }
            });

    /** A feature's repositories and entities are used only inside that feature; other features call its services. */
    @ArchTest
    static final ArchRule repositoriesAndEntitiesStayInTheirFeature = classes().that().resideInAPackage("dev.channelhub..")
            .should(new ArchCondition<>("use another feature's repositories or entities only through its services") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    Optional<String> own = featureOf(origin);
                    origin.getDirectDependenciesFromSelf().forEach(d -> {
                        JavaClass target = d.getTargetClass();
                        if (!isRepository(target) && !isEntity(target)) {
                            return;
                        }
                        Optional<String> theirs = featureOf(target);
                        if (theirs.isPresent() && !theirs.equals(own)) {
                            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    });
                }
            });

    /** {@code rest/} and {@code graphql/} adapters call services only: no repository, no Db, no SQL client. */
    @ArchTest
    static final ArchRule adaptersCallServicesOnly = noClasses().that().resideInAnyPackage("..rest..", "..graphql..")
            .should().dependOnClassesThat(new DescribedPredicate<>("are repositories, entities, Db or the Vert.x SQL client") {
                @Override
                public boolean test(JavaClass c) {
                    return isRepository(c) || isEntity(c) || c.getName().equals(BASE + "shared.persistence.Db")
                            || c.getPackageName().startsWith("io.vertx.mutiny.sqlclient") || c.getPackageName().startsWith("io.vertx.sqlclient")
                            || c.getPackageName().startsWith("io.vertx.mutiny.pgclient") || c.getPackageName().startsWith("io.vertx.pgclient");
                }
            });

    /**
     * No SQL outside repositories: only repositories, {@code *Sql} classes and {@code shared.persistence} run statements
     * ({@code Db.query/list/one/batch}, {@code SqlClient/Pool.query/preparedQuery}), besides the named exceptions above.
     */
    @ArchTest
    static final ArchRule noSqlOutsideRepositories = noClasses().that(new DescribedPredicate<>("are not repositories or SQL infrastructure") {
                @Override
                public boolean test(JavaClass c) {
                    return !mayRunSql(c);
                }
            })
            .should().callMethodWhere(new DescribedPredicate<>("it runs a SQL statement") {
                @Override
                public boolean test(JavaMethodCall call) {
                    return runsSql(call);
                }
            });

    @ArchTest
    static void sqlExceptionsAreStillNeeded(JavaClasses all) {
        for (String name : SQL_OUTSIDE_REPOSITORIES.keySet()) {
            boolean runs = all.stream().filter(c -> c.getName().equals(name) || c.getName().startsWith(name + "$"))
                    .anyMatch(c -> c.getMethodCallsFromSelf().stream().anyMatch(ArchitectureTest::runsSql));
            if (!runs) {
                throw new AssertionError(name + " is listed as running SQL outside a repository but no longer does: remove it from "
                        + "SQL_OUTSIDE_REPOSITORIES");
            }
        }
    }

    static boolean runsSql(JavaAccess<?> call) {
        String owner = call.getTargetOwner().getName();
        String name = call.getName();
        if (owner.equals(BASE + "shared.persistence.Db") || owner.equals(BASE + "shared.persistence.Db$Background")) {
            return Set.of("query", "list", "one", "batch").contains(name);
        }
        if (owner.startsWith("io.vertx.mutiny.sqlclient.") || owner.startsWith("io.vertx.sqlclient.")
                || owner.startsWith("io.vertx.mutiny.pgclient.") || owner.startsWith("io.vertx.pgclient.")) {
            return Set.of("query", "preparedQuery").contains(name);
        }
        return false;
    }

    static boolean mayRunSql(JavaClass c) {
        String top = topLevelName(c);
        return top.endsWith("Repository") || top.endsWith("Sql") || SQL_INFRASTRUCTURE_PACKAGES.contains(c.getPackageName())
                || SQL_OUTSIDE_REPOSITORIES.containsKey(top);
    }

    static boolean isRepository(JavaClass c) {
        return c.getPackageName().startsWith(BASE) && topLevelName(c).endsWith("Repository")
                && !c.getPackageName().startsWith(BASE + "shared");
    }

    /** Entities of a feature; the mapped superclasses in {@code shared.persistence} ({@code TenantEntity}, ...) are every feature's. */
    static boolean isEntity(JavaClass c) {
        return !c.getPackageName().startsWith(BASE + "shared") && (c.isAnnotatedWith("jakarta.persistence.Entity") || c.isAnnotatedWith("jakarta.persistence.Embeddable")
                || c.isAssignableTo("io.quarkus.hibernate.reactive.panache.PanacheEntityBase"));
    }

    /** The nested classes of a repository (its row records) count as the repository. */
    static String topLevelName(JavaClass c) {
        String name = c.getName();
        int dollar = name.indexOf('$');
        return dollar < 0 ? name : name.substring(0, dollar);
    }

    static Optional<String> featureOf(JavaClass c) {
        String p = c.getPackageName();
        if (!p.startsWith(BASE)) {
            return Optional.empty();
        }
        String rest = p.substring(BASE.length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}

package dev.poolscope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.InstanceofCheck;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.poolscope.engine.RunHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the design notes, checked on the compiled classes. They name what is
 * allowed or forbidden by package pattern, so packages added later (sweep, render, ...) fall under
 * them without editing this test.
 */
class ArchitectureTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.poolscope");

    private static final String[] JAVAFX = {"javafx..", "com.sun.javafx..", "com.sun.glass..", "com.sun.prism..",
            "org.controlsfx..", "impl.org.controlsfx.."};

    /** The window is the only JavaFX code: the engine, the CLI and everything headless run without it. */
    static final ArchRule ONLY_UI_USES_JAVAFX = noClasses().that().resideOutsideOfPackage("dev.poolscope.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(JAVAFX)
            .because("only dev.poolscope.ui may use JavaFX (the CLI and engine must run without a display)");

    /** A worker is started by the dozen: it loads java.base only, so it starts fast. */
    static final ArchRule WORKER_USES_JAVA_BASE_ONLY = classes().that().resideInAPackage("dev.poolscope.worker..")
            .should().onlyDependOnClassesThat(inJavaBaseOrWorker())
            .because("a worker JVM must start fast and load nothing but java.base");

    /** The engine is the bottom layer: the window, the CLI, scenario files and traces build on it. */
    static final ArchRule ENGINE_STANDS_ALONE = noClasses().that().resideInAPackage("dev.poolscope.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.poolscope.ui..", "dev.poolscope.cli..",
                    "dev.poolscope.scenario..", "dev.poolscope.trace..")
            .because("the engine must not know who drives it or how runs are stored");

    /**
     * Layers only point down: no package (ui's sub-packages included) reaches, through others,
     * back to itself. A piece of the window gets a narrow interface (ui.WindowHost, ui.CurrentRun)
     * instead of the window, so it can sit below the window.
     */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.poolscope.(**)").should().beFreeOfCycles()
            .because("each package must be understandable and testable without the ones above it");

    @Test
    void packagesAreFreeOfCycles() {
        NO_PACKAGE_CYCLES.check(APP);
    }

    /** The cycle rule sees a real cycle: two test-only packages that use each other. */
    @Test
    void theCycleRuleCatchesACycle() {
        JavaClasses pair = new ClassFileImporter().importPackages("dev.poolscope.archcycle");
        assertTrue(pair.size() >= 2, "the two test-only classes are imported");
        var result = NO_PACKAGE_CYCLES.evaluate(pair);
        assertTrue(result.hasViolation(), "left -> right -> left is a cycle");
        assertTrue(result.getFailureReport().toString().contains("archcycle.left"), result.getFailureReport().toString());
    }

    /**
     * One run model for every engine: code outside an engine's package asks the run what it is
     * ({@code RunHandle.info()}), never which class it is.
     */
    @Test
    void noEngineTypeIsCheckedOutsideItsEngine() {
        assertEquals(List.of(), engineTypeChecks(APP));
        JavaClasses breaker = new ClassFileImporter().importPackages("dev.poolscope.archcycle", "dev.poolscope.cpython",
                "dev.poolscope.engine");
        assertEquals(List.of("dev.poolscope.archcycle.left.Left checks instanceof CPythonRun"),
                engineTypeChecks(breaker), "the check sees a test-only class's instanceof CPythonRun");
    }

    private static List<String> engineTypeChecks(JavaClasses classes) {
        List<String> found = new ArrayList<>();
        for (JavaClass c : classes) {
            for (InstanceofCheck check : c.getInstanceofChecks()) {
                JavaClass target = check.getRawType();
                if (target.isAssignableTo(RunHandle.class) && !target.isEquivalentTo(RunHandle.class)
                        && !c.getPackageName().equals(target.getPackageName())) {
                    found.add(c.getName() + " checks instanceof " + target.getSimpleName());
                }
            }
        }
        return found;
    }

    @Test
    void nothingOutsideUiUsesJavaFx() {
        ONLY_UI_USES_JAVAFX.check(APP);
    }

    @Test
    void workerUsesJavaBaseOnly() {
        WORKER_USES_JAVA_BASE_ONLY.check(APP);
    }

    @Test
    void engineImportsNoUiCliScenarioOrTrace() {
        ENGINE_STANDS_ALONE.check(APP);
    }

    /** The rules see real dependencies: applied where they do not hold, they report it. */
    @Test
    void theRulesCatchWhatTheyForbid() {
        JavaClasses ui = APP.that(JavaClass.Predicates.resideInAPackage("dev.poolscope.ui.."));
        assertTrue(noClasses().should().dependOnClassesThat().resideInAnyPackage(JAVAFX).evaluate(ui).hasViolation(),
                "the JavaFX rule sees the window's JavaFX use");
        JavaClasses engine = APP.that(JavaClass.Predicates.resideInAPackage("dev.poolscope.engine.."));
        assertTrue(classes().should().onlyDependOnClassesThat(inJavaBaseOrWorker()).evaluate(engine).hasViolation(),
                "the java.base rule sees the engine's use of other packages");
        JavaClasses cli = APP.that(JavaClass.Predicates.resideInAPackage("dev.poolscope.cli.."));
        assertTrue(noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.poolscope.engine..")
                .evaluate(cli).hasViolation(), "the package rule sees the CLI's use of the engine");
    }

    private static DescribedPredicate<JavaClass> inJavaBaseOrWorker() {
        Set<String> javaBase = ModuleLayer.boot().findModule("java.base").orElseThrow().getPackages();
        return DescribedPredicate.describe("are in java.base or dev.poolscope.worker", c -> {
            JavaClass type = c.getBaseComponentType();
            return type.isPrimitive() || javaBase.contains(type.getPackageName())
                    || type.getPackageName().startsWith("dev.poolscope.worker");
        });
    }
}

package dev.autumncatalog.engine;

import com.palantir.javapoet.JavaFile;
import dev.autumncatalog.dsl.Problem;
import dev.autumncatalog.engine.codegen.ConstantsGenerator;
import dev.autumncatalog.engine.codegen.GeneratedSources;
import dev.autumncatalog.engine.load.CatalogLoader;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.plan.PlanOptions;
import dev.autumncatalog.engine.pull.PullRequest;
import dev.autumncatalog.engine.pull.PullResult;
import dev.autumncatalog.engine.pull.PullService;
import dev.autumncatalog.engine.push.CatalogSync;
import dev.autumncatalog.engine.push.Interaction;
import dev.autumncatalog.engine.push.PushOptions;
import dev.autumncatalog.engine.push.PushResult;
import dev.autumncatalog.engine.report.PlanJson;
import dev.autumncatalog.engine.report.SavedPlan;
import dev.autumncatalog.engine.text.FrontEnd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything a build tool does with an Autumn catalog, without the build tool: validate, plan, check, push, pull and
 * generate. The Maven plugin's goals each make one call here; a Gradle plugin or a CLI calls it the same way. Every
 * operation takes a typed request and returns a typed result or throws a typed exception; messages name settings and
 * commands in the {@link FrontEnd}'s words, and progress goes to the {@link EngineListener}.
 *
 * <pre>{@code
 * CatalogEngine engine = CatalogEngine.create(frontEnd, listener);
 * CatalogSource pricing = CatalogSource.discovered(classpath, List.of(Path.of("build/classes/java/main")));
 * Target sandbox = Target.localSandbox(Path.of("build/autumn/sandbox.json"));
 *
 * Validated valid = engine.validate(pricing);                      // no request
 * Planned planned = engine.plan(PlanRequest.of(pricing, sandbox)); // 2 list requests when nothing changed
 * Pushed pushed = engine.push(PushRequest.of(PlanRequest.of(pricing, sandbox)
 *         .decisions(Decisions.SAFE.allowRemovals(true))));
 * }</pre>
 *
 * <p>What each operation throws, besides {@link dev.autumncatalog.engine.autumn.AutumnApiException} when Autumn cannot
 * be read or written:
 *
 * <ul>
 *   <li>{@link dev.autumncatalog.engine.load.CatalogLoadException}: the catalog class cannot be found, created or
 *       called; {@link InvalidCatalogException}: it is invalid (every problem listed). Nothing is requested then.
 *   <li>{@link IllegalArgumentException}: the key belongs to another environment than the one stated.
 *   <li>push: {@link dev.autumncatalog.engine.push.PushRefusedException} (a decision is missing; nothing changed),
 *       {@link PushCancelledException} (live push declined), {@link dev.autumncatalog.engine.push.PushFailedException}
 *       (stopped part-way; re-running converges).
 *   <li>pull: {@link dev.autumncatalog.engine.pull.PullRefusedException} (it would replace code it did not write).
 *   <li>generate: {@link dev.autumncatalog.engine.codegen.CodegenException} (ids without a Java name, or clashing).
 *   <li>{@link UncheckedIOException} naming the file when a plan, pulled or generated file cannot be written.
 * </ul>
 */
public final class CatalogEngine {
    private final FrontEnd frontEnd;
    private final EngineListener listener;

    private CatalogEngine(FrontEnd frontEnd, EngineListener listener) {
        this.frontEnd = Objects.requireNonNull(frontEnd, "frontEnd");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * An engine whose messages use {@code frontEnd}'s words and whose progress goes to {@code listener}.
     *
     * @param frontEnd how the caller's users name settings and commands ({@link FrontEnd#NEUTRAL} for plain names)
     * @param listener hears plans, push progress and requests ({@link EngineListener#NONE} for nothing)
     */
    public static CatalogEngine create(FrontEnd frontEnd, EngineListener listener) {
        return new CatalogEngine(frontEnd, listener);
    }

    /** The front end whose words the messages use: render plans with it too. */
    public FrontEnd frontEnd() {
        return frontEnd;
    }

    /**
     * Loads the catalog and validates it. Makes no request.
     *
     * @throws InvalidCatalogException listing every problem
     */
    public Validated validate(CatalogSource catalog) {
        CatalogLoader.Loaded loaded = loadValid(catalog);
        return new Validated(loaded.className(), loaded.catalog());
    }

    private CatalogLoader.Loaded loadValid(CatalogSource catalog) {
        CatalogLoader.Loaded loaded = catalog.load(frontEnd);
        List<Problem> problems = loaded.catalog().validate();
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(
                    loaded.className(), problems, loaded.constants().namesOf(problems));
        }
        return loaded;
    }

    /**
     * What a push would change, field by field: two list requests, then a question per changed plan or removal when
     * the plan needs Autumn's answer. Writes the JSON plan when the request names a file. Changes nothing.
     */
    public Planned plan(PlanRequest request) {
        StartupWarmUp.beside();
        CatalogLoader.Loaded catalog = loadValid(request.catalog());
        try (AutumnTarget target = request.target().open(frontEnd, listener)) {
            Plan plan = plan(new CatalogSync(target.api(), frontEnd), catalog, request, target);
            return new Planned(plan, target.description(), target.sandboxRequests());
        }
    }

    /**
     * The same as {@link #plan}: a drift check fails when {@link Planned#inSync()} is {@code false}. Changes nothing.
     */
    public Planned check(PlanRequest request) {
        return plan(request);
    }

    /**
     * Makes Autumn match the catalog: plans (and tells the listener), asks what the decisions leave open when the
     * interaction is interactive (and, for live Autumn, whether to push at all), then applies only what changed,
     * level by level. An unchanged catalog costs the two list requests and sends nothing.
     */
    public Pushed push(PushRequest request) {
        StartupWarmUp.beside();
        CatalogLoader.Loaded catalog = loadValid(request.plan().catalog());
        SavedPlan saved = request.savedPlan() == null ? null : SavedPlan.read(request.savedPlan());
        PlanRequest planRequest = request.plan();
        Interaction interaction = request.interaction();
        if (saved != null) {
            // What was reviewed decides: its decisions, and no question that could change them now.
            planRequest = planRequest.decisions(Decisions.SAFE
                    .allowRemovals(saved.allowRemovals())
                    .versionPolicy(saved.versionPolicy())
                    .dropUnsupported(saved.dropUnsupported()));
            if (planRequest.planFile() != null && sameFile(planRequest.planFile(), saved.file())) {
                planRequest = planRequest.planFile(null); // keep the reviewed plan as it was
            }
            interaction = Interaction.BATCH; // the reviewed decisions stand; a live push is still confirmed
        }
        try (AutumnTarget target = planRequest.target().open(frontEnd, listener)) {
            CatalogSync sync = new CatalogSync(target.api(), frontEnd);
            CatalogSync.Planning planning = planning(sync, catalog, planRequest, target);
            Plan plan = planning.plan();
            if (saved != null) {
                List<String> moved = saved.differences(PlanJson.tree(plan, planning.basis(), frontEnd));
                if (!moved.isEmpty()) {
                    throw new StalePlanException(saved.file(), moved, frontEnd);
                }
            }
            if (plan.isEmpty()) {
                return new Pushed(plan, PushResult.EMPTY, target.description(), target.sandboxRequests());
            }
            if (target.live()
                    && request.interaction().interactive()
                    && !request.interaction().confirm("Push " + plan.changes().size() + " changes to LIVE Autumn?")) {
                throw new PushCancelledException();
            }
            PushResult result = sync.push(plan, new PushOptions(request.parallelism(), interaction, listener));
            return new Pushed(plan, result, target.description(), target.sandboxRequests());
        }
    }

    /**
     * Writes the catalog Autumn holds as Java DSL source (two list requests), never replacing code a pull did not
     * write or one edited since, unless the request allows it.
     */
    public Pulled pull(Target from, PullRequest request) {
        try (AutumnTarget target = from.open(frontEnd, listener)) {
            PullResult result = new PullService(frontEnd).pull(target.api(), request);
            return new Pulled(result, target.description(), target.sandboxRequests());
        }
    }

    /**
     * Generates typed constants of the catalog ({@code Features}, {@code Products}, {@code FeatureId}, {@code
     * ProductId}, {@code FeatureKind}) below the output directory, leaving files whose bytes are unchanged alone.
     * Makes no request.
     */
    public Generated generate(GenerateRequest request) {
        Validated valid = validate(request.catalog());
        ConstantsGenerator generator =
                new ConstantsGenerator(request.packageName(), valid.className(), frontEnd.generator());
        List<JavaFile> files = (request.handles() ? generator.withHandles() : generator).generate(valid.catalog());
        try {
            GeneratedSources.Result result =
                    GeneratedSources.write(files, request.outputDirectory(), valid.className());
            return new Generated(result, request.packageName(), valid.className(), request.outputDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not write the generated sources to " + request.outputDirectory() + ": " + e, e);
        }
    }

    /** Plans with live lookups, writes the plan file (with its basis), tells the listener. */
    private Plan plan(CatalogSync sync, CatalogLoader.Loaded catalog, PlanRequest request, AutumnTarget target) {
        return planning(sync, catalog, request, target).plan();
    }

    private CatalogSync.Planning planning(
            CatalogSync sync, CatalogLoader.Loaded catalog, PlanRequest request, AutumnTarget target) {
        Decisions decisions = request.decisions();
        PlanOptions options = PlanOptions.defaults(target.description(), target.live())
                .withAllowRemovals(decisions.allowRemovals())
                .withVersionPolicy(decisions.versionPolicy())
                .withDropUnsupported(decisions.dropUnsupported())
                .withDeclaredFeatures(catalog.constants().declaredFeatures());
        CatalogSync.Planning planning = sync.planWithBasis(catalog.catalog(), options);
        if (request.planFile() != null) {
            PlanJson.write(planning.plan(), planning.basis(), request.planFile(), frontEnd);
        }
        listener.planned(planning.plan());
        return planning;
    }

    private static boolean sameFile(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}

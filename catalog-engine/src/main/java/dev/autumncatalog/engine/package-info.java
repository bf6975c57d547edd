/**
 * The engine's facade: what a front end (the Maven plugin, a Gradle plugin, a CLI) calls. {@link
 * dev.autumncatalog.engine.CatalogEngine} runs one operation per call (validate, plan, check, push, pull, generate) on
 * typed requests ({@link dev.autumncatalog.engine.CatalogSource}, {@link dev.autumncatalog.engine.Target}, {@link
 * dev.autumncatalog.engine.PlanRequest}, {@link dev.autumncatalog.engine.PushRequest}, {@link
 * dev.autumncatalog.engine.GenerateRequest}) and returns typed results ({@link dev.autumncatalog.engine.Validated},
 * {@link dev.autumncatalog.engine.Planned}, {@link dev.autumncatalog.engine.Pushed}, {@link
 * dev.autumncatalog.engine.Pulled}, {@link dev.autumncatalog.engine.Generated}). Messages name settings and commands in
 * the front end's words ({@code engine.text.FrontEnd}); nothing here knows a build tool.
 *
 * <pre>{@code
 * CatalogEngine engine = CatalogEngine.create(FrontEnd.NEUTRAL, EngineListener.NONE);
 * Pushed pushed = engine.push(PushRequest.of(PlanRequest.of(
 *         CatalogSource.named("com.acme.pricing.Pricing", classpath),
 *         Target.localSandbox(Path.of("build/autumn/sandbox.json")))));
 * }</pre>
 *
 * <p>The packages below do one job each: {@code load} (the catalog class), {@code plan} (pure planner, typed diff,
 * changes), {@code push} (applying a plan), {@code report} (plan as text and JSON), {@code pull} (remote catalog → Java
 * source), {@code codegen} (catalog → constants), {@code text} (every wording of numbers, cycles and items), {@code
 * model} (dispatch over the DSL's sealed types), {@code autumn} (the HTTP client of Autumn's API).
 */
package dev.autumncatalog.engine;

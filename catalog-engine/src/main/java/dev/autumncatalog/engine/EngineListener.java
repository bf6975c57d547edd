package dev.autumncatalog.engine;

import dev.autumncatalog.engine.autumn.ClientListener;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.push.PushListener;

/**
 * What a front end hears while an operation runs: the plan as soon as it is made (before a push starts, so it can be
 * shown first), each change of a push ({@link PushListener}), and the HTTP client's requests and retries ({@link
 * ClientListener}). Every method does nothing by default. Push events come one at a time; client events may come from
 * several threads.
 *
 * <pre>{@code
 * EngineListener log = new EngineListener() {
 *     public void planned(Plan plan) { System.out.print(PlanRenderer.render(plan, frontEnd)); }
 *     public void succeeded(Progress progress) { System.out.println(progress.label() + " … done"); }
 * };
 * }</pre>
 */
public interface EngineListener extends PushListener, ClientListener {
    /** Hears nothing. */
    EngineListener NONE = new EngineListener() {};

    /** A plan is ready; for a push, nothing has been sent yet. */
    default void planned(Plan plan) {}
}

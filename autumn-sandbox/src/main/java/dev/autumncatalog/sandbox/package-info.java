/**
 * A local, stateful test double of Autumn's catalog API ({@link dev.autumncatalog.sandbox.AutumnSandbox}): an
 * in-process HTTP server on 127.0.0.1 that answers {@code features.*} and {@code plans.*} (RPC and REST forms) the
 * way Autumn 2.3.0 did in the recordings under {@code shared/autumn-api/exchanges-2x}. It labels itself on every answer
 * ({@code X-Autumn-Sandbox: local test double, not Autumn}) and never pretends to be Autumn.
 *
 * <h2>Reproduced (checked by {@code RecordingConformanceTest} and the focused tests)</h2>
 *
 * <ul>
 *   <li>Answer shapes of features and plans, defaults, generated ids and {@code display} texts; error bodies {@code
 *       {message, code, env}}; 401s for missing/wrong keys and for unknown or {@code GET} RPC routes; {@code
 *       X-API-Version} parsing.
 *   <li>Partial {@code plans.update} (items replace, {@code price:null}/{@code free_trial:null} remove, {@code
 *       group:null}/{@code description:null} refused, an omitted {@code archived} un-archives); the REST update that
 *       treats price and items as one list.
 *   <li>Archive handling, renames ({@code new_feature_id}, {@code new_plan_id}), deletion rules and {@code
 *       deletion_info} shapes, customers and versioning ({@code has_customers}, {@code disable_version}, {@code
 *       version}, {@code all_versions}, {@code force_version}, delete of the latest version only).
 *   <li>Validation messages and codes, what the server accepts although it should not, the partial-state cases, and
 *       the {@code unlimited}+price plan that breaks {@code plans.list} until it is deleted.
 *   <li>Idempotency keys (409 {@code duplicate_idempotency_key}, released after a failure).
 * </ul>
 *
 * <h2>Not reproduced</h2>
 *
 * <ul>
 *   <li>Customers, attach, billing, {@code catalog.*}, rewards (501 {@code sandbox_not_implemented}); customers come
 *       from {@code addCustomer} instead.
 *   <li>The 1.2.0 and 2.0.0 answer shapes (400 {@code sandbox_unsupported_api_version}); {@code ai_credit_system}
 *       features (501).
 *   <li>The order of {@code plans.list} without {@code all_versions} (the server's order is not stable either), the
 *       asynchronous LLM rewrite of feature {@code display}, the real rate limiter (use {@link
 *       dev.autumncatalog.sandbox.Fault#rateLimited}).
 * </ul>
 */
package dev.autumncatalog.sandbox;

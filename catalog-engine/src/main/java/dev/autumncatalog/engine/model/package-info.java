/**
 * The engine's side of the catalog model: exhaustive dispatch over the DSL's sealed families ({@code Item}, {@code
 * UsagePrice}, {@code Feature}), which have no visitors of their own, and the facts about items that planning, pull
 * and code generation all need. The one {@code instanceof} chain per family lives here; {@code DispatchTest} fails when
 * the DSL permits a kind these visitors do not name.
 */
package dev.autumncatalog.engine.model;

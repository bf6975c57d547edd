/**
 * Every human wording of the engine's numbers: money, counts, decimals, cycles, resets, trials, rollovers, tiers and
 * whole items, in one place and one wording, so the plan, the generated Javadoc and the pulled source say the same
 * thing the same way ({@link dev.autumncatalog.engine.text.Words}, {@link dev.autumncatalog.engine.text.ItemText}).
 * Also what makes catalog text safe inside a generated comment ({@link dev.autumncatalog.engine.text.JavadocText}),
 * and how a front end names its settings and commands in the engine's messages ({@link
 * dev.autumncatalog.engine.text.FrontEnd}, {@link dev.autumncatalog.engine.text.Setting}, {@link
 * dev.autumncatalog.engine.text.Operation}): the engine says which, the front end says how.
 * Locale-independent and exact: amounts are {@code BigDecimal}, never {@code double}.
 */
package dev.autumncatalog.engine.text;

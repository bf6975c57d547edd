package dev.autumncatalog.engine.autumn;

/**
 * Autumn's answer to "what would updating this plan do".
 *
 * @param currentVersion the latest version number
 * @param willVersion whether the update would create a new version (customers exist and items, price or trial differ)
 * @param archived whether the plan is archived
 */
public record PlanCustomers(int currentVersion, boolean willVersion, boolean archived) {}

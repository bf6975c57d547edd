package dev.autumncatalog.engine.autumn;

import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;

/**
 * What the planner and the push executor need from Autumn, in the terms of the catalog model. The HTTP client maps
 * this to Autumn's 2.x wire format; tests use the local sandbox or a fake. Every method may throw {@link
 * AutumnApiException}.
 */
public interface AutumnApi extends AutoCloseable {

    /**
     * The whole remote catalog: every feature (archived ones included, Autumn always lists them) and the latest
     * version of every plan, archived ones included. Exactly two list requests.
     */
    RemoteCatalog fetchCatalog();

    /** Creates a feature (never archived). */
    RemoteFeature createFeature(Feature feature);

    /** Updates a feature's name, kind and credit schema to {@code feature}, and sets its archived flag. */
    RemoteFeature updateFeature(Feature feature, boolean archived);

    /** Sets only the archived flag of a feature. */
    RemoteFeature archiveFeature(String featureId, boolean archived);

    /** Deletes a feature; Autumn refuses while a plan or credit system uses it. */
    void deleteFeature(String featureId);

    /** How many plans (any version) use the feature; drives delete-or-archive. */
    FeatureUsage featureUsage(String featureId);

    /** Creates a plan (never archived). */
    RemotePlan createPlan(Product product);

    /**
     * Replaces a plan's details, price, items and trial with {@code product}, keeping or setting {@code archived} (the
     * flag is always sent: Autumn un-archives a plan on any update that omits it).
     */
    RemotePlan updatePlan(Product product, boolean archived, VersionChoice versionChoice);

    /** Sets only the archived flag of a plan. */
    RemotePlan archivePlan(String planId, boolean archived);

    /** Deletes every version of a plan; Autumn refuses while any version has customers. */
    void deletePlan(String planId);

    /** Whether updating the plan to {@code product} would create a new version (it has customers and items differ). */
    PlanCustomers planCustomers(Product product);

    /** Whether any version of the plan has customers; drives delete-or-archive. */
    boolean planHasCustomers(String planId);

    /** Releases connections and threads. */
    @Override
    void close();
}

package dev.autumncatalog.engine.autumn;

import java.util.List;
import java.util.Optional;

/**
 * A snapshot of Autumn's catalog, mapped back into the catalog model.
 *
 * @param features every remote feature, archived ones included
 * @param plans the latest version of every remote plan, archived ones included
 */
public record RemoteCatalog(List<RemoteFeature> features, List<RemotePlan> plans) {
    /** Copies both lists. */
    public RemoteCatalog {
        features = List.copyOf(features);
        plans = List.copyOf(plans);
    }

    /** The remote feature with this id. */
    public Optional<RemoteFeature> feature(String id) {
        return features.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The remote plan with this id. */
    public Optional<RemotePlan> plan(String id) {
        return plans.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}

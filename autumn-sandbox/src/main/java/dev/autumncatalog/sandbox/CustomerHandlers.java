package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * {@code customers.*}, {@code entities.*} and {@code billing.attach}, as the real server answered them without Stripe:
 * a new customer gets the auto-enable plans (or a free {@code auto_enable_plan_id}); an entity of a continuous-use
 * feature takes one unit of it (the answer shows the balances from before); attaching a free plan works, a paid one
 * needs Stripe and is refused with the real server's message.
 */
final class CustomerHandlers {
    /** What the real server answers for anything that needs Stripe (recorded in 30-versioning and 50-balances). */
    static final String NO_STRIPE = "There is no Stripe account linked to this organization. Please connect it here:"
            + " https://app.useautumn.com/sandbox/dev?tab=stripe";

    private final CatalogState catalog;
    private final CustomerState customers;
    private final BalanceView view;
    private final Deduction deduction;

    CustomerHandlers(CatalogState catalog, CustomerState customers, BalanceView view, Deduction deduction) {
        this.catalog = catalog;
        this.customers = customers;
        this.view = view;
        this.deduction = deduction;
    }

    /**
     * {@code customers.get_or_create}: an existing customer is answered unchanged; {@code POST /v1/customers} (with
     * {@code id}) updates the fields it sends, as the real server does.
     *
     * @param idKey {@code customer_id} ({@code customers.get_or_create}) or {@code id} ({@code POST /v1/customers})
     */
    ObjectNode getOrCreate(ObjectNode body, String idKey) {
        Inputs in = new Inputs();
        String customerId = in.requiredString(body, "", idKey);
        String name = in.optionalString(body, "", "name", true);
        String email = in.optionalString(body, "", "email", true);
        String fingerprint = in.optionalString(body, "", "fingerprint", true);
        ObjectNode metadata = in.optionalObject(body, "", "metadata", true);
        String planId = in.optionalString(body, "", "auto_enable_plan_id", true);
        in.throwIfAny();
        if (customers.customers.containsKey(customerId)) {
            Ledger.Customer existing = customers.customer(customerId);
            if ("id".equals(idKey)) {
                existing.name = body.has("name") ? name : existing.name;
                existing.email = body.has("email") ? email : existing.email;
                existing.fingerprint = body.has("fingerprint") ? fingerprint : existing.fingerprint;
                existing.metadata = metadata != null ? metadata.deepCopy() : existing.metadata;
                catalog.changed();
            }
            return view.customer(existing);
        }
        Model.PlanVersion plan = null;
        if (planId != null) {
            plan = CatalogState.latest(catalog.versions(planId));
            if (!plan.isFree()) {
                throw ApiError.invalidRequest(
                        400,
                        "Auto-enable plan must be a free product, or have a free trial with 'card_required' as"
                                + " false");
            }
        }
        Ledger.Customer customer = customers.create(customerId, name, email, plan);
        customer.fingerprint = fingerprint;
        if (metadata != null) {
            customer.metadata = metadata.deepCopy();
        }
        return view.customer(customer);
    }

    ObjectNode get(String customerId) {
        return view.customer(customers.customer(customerId));
    }

    ObjectNode get(ObjectNode body) {
        return get(requiredString(body, "customer_id"));
    }

    ObjectNode createEntity(ObjectNode body) {
        Inputs in = new Inputs();
        String customerId = in.requiredString(body, "", "customer_id");
        String entityId = in.requiredString(body, "", "entity_id");
        String featureId = in.requiredString(body, "", "feature_id");
        String name = in.optionalString(body, "", "name", true);
        in.throwIfAny();
        Model.Feature feature = catalog.feature(featureId);
        if (feature.consumable || feature.isCreditSystem()) {
            throw ApiError.invalidRequest(
                    400,
                    "Feature '" + featureId + "' is consumable (e.g. credits, API calls). Entities can only be created"
                            + " for non-consumable features (e.g. seats).");
        }
        Ledger.Customer customer = customers.customers.containsKey(customerId)
                ? customers.customer(customerId)
                : customers.create(customerId, null, null, null); // the real server creates the customer
        if (customer.entity(entityId) != null) {
            throw new ApiError(409, "entity_already_exists", "Entity " + entityId + " already exists");
        }
        Ledger.Entity entity = new Ledger.Entity();
        entity.id = entityId;
        entity.name = name;
        entity.featureId = featureId;
        entity.createdAt = catalog.now();
        ObjectNode answer = view.entity(customer, entity, false); // before the entity takes its unit
        customer.entities.add(entity);
        if (!feature.isBoolean()) {
            deduction.apply(new BalanceView.Subject(customer, null), feature, BigDecimal.ONE, Deduction.Overage.CAP);
        }
        catalog.changed();
        return answer;
    }

    ObjectNode getEntity(ObjectNode body) {
        Inputs in = new Inputs();
        String customerId = in.requiredString(body, "", "customer_id");
        String entityId = in.requiredString(body, "", "entity_id");
        in.throwIfAny();
        Ledger.Customer customer = customers.customers.containsKey(customerId) ? customers.customer(customerId) : null;
        return view.entity(customer, CustomerState.entity(customer, entityId), true);
    }

    ObjectNode deleteEntity(ObjectNode body) {
        Inputs in = new Inputs();
        String customerId = in.requiredString(body, "", "customer_id");
        String entityId = in.requiredString(body, "", "entity_id");
        in.throwIfAny();
        Ledger.Customer customer = customers.customers.containsKey(customerId) ? customers.customer(customerId) : null;
        Ledger.Entity entity = CustomerState.entity(customer, entityId);
        customer.entities.remove(entity);
        customer.grants.removeIf(grant -> entityId.equals(grant.entityId));
        Model.Feature feature = catalog.features.get(entity.featureId);
        if (feature != null && !feature.isBoolean()) {
            deduction.apply(
                    new BalanceView.Subject(customer, null), feature, BigDecimal.ONE.negate(), Deduction.Overage.CAP);
        }
        catalog.changed();
        return CatalogState.success();
    }

    ObjectNode attach(ObjectNode body) {
        Inputs in = new Inputs();
        String customerId = in.requiredString(body, "", "customer_id");
        String planId = in.requiredString(body, "", "plan_id");
        String entityId = in.optionalString(body, "", "entity_id", true);
        BigDecimal version = in.optionalNumber(body, "", "version", true);
        in.throwIfAny();
        Ledger.Customer customer = customers.customer(customerId);
        Model.PlanVersion plan = version == null
                ? CatalogState.latest(catalog.versions(planId))
                : catalog.version(planId, version.intValue());
        if (entityId != null) {
            throw new ApiError(
                    501,
                    "sandbox_not_implemented",
                    "The local Autumn sandbox (a test double, not Autumn) attaches plans to customers, not to entities");
        }
        if (!plan.isFree()) {
            throw ApiError.invalidRequest(400, NO_STRIPE);
        }
        if (customer.subscriptions.stream().anyMatch(s -> s.planId.equals(plan.id))) {
            throw ApiError.invalidRequest(
                    400,
                    "Cannot attach plan \"" + plan.id + "\" because the customer already has this product active.");
        }
        if (!plan.addOn) {
            // A main plan replaces the customer's main plan in the same group (an upgrade or downgrade).
            customer.subscriptions.removeIf(s -> !s.addOn && Objects.equals(s.group, plan.group));
        }
        customers.attach(customer, plan);
        ObjectNode answer = Json.object();
        answer.put("customer_id", customer.id);
        answer.putNull("payment_url");
        return answer;
    }

    private static String requiredString(ObjectNode body, String field) {
        Inputs in = new Inputs();
        String value = in.requiredString(body, "", field);
        in.throwIfAny();
        return value;
    }
}

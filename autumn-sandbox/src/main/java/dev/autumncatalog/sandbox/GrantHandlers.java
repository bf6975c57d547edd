package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code balances.create}: a grant beside the plan's balances (a top-up, a trial allowance, a per-entity allowance),
 * checked as the real server's {@code validateCreateBalanceParams} does. Grants stack: each is its own balance, drawn
 * after the plan's in deduction order.
 */
final class GrantHandlers {
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final CatalogState catalog;
    private final CustomerState customers;
    private final BalanceView view;

    GrantHandlers(CatalogState catalog, CustomerState customers, BalanceView view) {
        this.catalog = catalog;
        this.customers = customers;
        this.view = view;
    }

    ObjectNode create(ObjectNode body) {
        Inputs in = new Inputs();
        String customerId = in.requiredString(body, "", "customer_id");
        String featureId = in.requiredString(body, "", "feature_id");
        String entityId = in.optionalString(body, "", "entity_id", false);
        BigDecimal included = in.optionalNumber(body, "", "included_grant", false);
        Boolean unlimited = in.optionalBoolean(body, "", "unlimited");
        ObjectNode resetNode = in.optionalObject(body, "", "reset", false);
        Model.Reset reset = resetNode == null ? null : Schema.read(in, resetNode, "reset", Model.Reset.class);
        boolean rollover = in.optionalObject(body, "", "rollover", false) != null;
        BigDecimal expires = in.optionalNumber(body, "", "expires_at", false);
        BigDecimal nextReset = in.optionalNumber(body, "", "next_reset_at", false);
        String balanceId = in.optionalString(body, "", "balance_id", false);
        BigDecimal grantedBalance = in.optionalNumber(body, "", "granted_balance", false);
        in.throwIfAny();
        Ledger.Customer customer = customers.customer(customerId);
        Model.Feature feature = catalog.feature(featureId);
        Ledger.Entity entity = entityId == null ? null : CustomerState.entity(customer, entityId);
        BigDecimal amount = included != null ? included : grantedBalance;
        boolean isUnlimited = Boolean.TRUE.equals(unlimited);
        if (!schemaAllows(feature, amount, isUnlimited, reset)) {
            // Autumn's refinement runs as an internal schema check: 500, not 400.
            throw new ApiError(500, "invalid_inputs", "input: Invalid input");
        }
        if (feature.isBoolean() && view.flag(new BalanceView.Subject(customer, entity), featureId) != null) {
            throw ApiError.invalidRequest(
                    409, "A boolean entitlement " + featureId + " already exists for customer " + customer.id);
        }
        if (entity != null && featureId.equals(entity.featureId)) {
            throw ApiError.invalidRequest(400, "Cannot give an entity a balance of its own feature type");
        }
        boolean continuous = !feature.isBoolean() && !feature.consumable && !feature.isCreditSystem();
        if (rollover) {
            if (continuous) {
                throw ApiError.invalidRequest(400, "Rollover is not supported for continuous use features");
            }
            if (reset == null) {
                throw ApiError.invalidRequest(400, "Rollover cannot be provided for one-time balances");
            }
            throw new ApiError(
                    501,
                    "sandbox_not_implemented",
                    "The local Autumn sandbox (a test double, not Autumn) does not model rollovers");
        }
        long now = catalog.now();
        if (nextReset != null && reset == null) {
            throw ApiError.invalidRequest(400, "next_reset_at requires a reset interval to be provided");
        }
        if (nextReset != null && nextReset.longValue() <= now) {
            throw ApiError.invalidRequest(400, "next_reset_at must be in the future");
        }
        if (nextReset != null && expires != null && nextReset.compareTo(expires) >= 0) {
            throw ApiError.invalidRequest(
                    400,
                    "next_reset_at (" + iso(nextReset.longValue()) + ") must occur before expires_at ("
                            + iso(expires.longValue()) + ")");
        }
        if (balanceId != null && customer.allBalances().stream().anyMatch(b -> balanceId.equals(b.id))) {
            throw ApiError.invalidRequest(409, "balance_id '" + balanceId + "' is already in use for this customer");
        }
        customer.grants.add(grant(feature, balanceId, entityId, amount, isUnlimited, reset, expires, nextReset, now));
        catalog.changed();
        return CatalogState.success();
    }

    /** Autumn's {@code ValidateCreateBalanceParamsSchema} refinement. */
    private static boolean schemaAllows(
            Model.Feature feature, BigDecimal amount, boolean unlimited, Model.Reset reset) {
        if (feature.isBoolean()) {
            return amount == null && !unlimited && reset == null;
        }
        if ("metered".equals(feature.type)) {
            return (amount != null) != unlimited && !(unlimited && reset != null);
        }
        return true;
    }

    private Ledger.Balance grant(
            Model.Feature feature,
            String balanceId,
            String entityId,
            BigDecimal amount,
            boolean unlimited,
            Model.Reset reset,
            BigDecimal expires,
            BigDecimal nextReset,
            long now) {
        Ledger.Balance grant = new Ledger.Balance();
        grant.id = balanceId != null ? balanceId : catalog.newId("cus_ent_");
        grant.featureId = feature.id;
        grant.entityId = entityId;
        grant.unlimited = unlimited;
        grant.granted = unlimited || amount == null ? BigDecimal.ZERO : Numbers.normalise(amount);
        grant.balance = grant.granted;
        grant.createdAt = now;
        grant.expiresAt = expires == null ? null : expires.longValue();
        if (!feature.isBoolean()) {
            grant.interval = reset == null ? "one_off" : reset.interval();
            grant.intervalCount = reset == null ? 1 : reset.intervalCount();
        }
        if (nextReset != null) {
            grant.nextResetAt = nextReset.longValue();
        } else if (grant.periodic() && expires == null) {
            grant.nextResetAt = Resets.add(now, grant.interval, grant.intervalCount);
        }
        return grant;
    }

    private static String iso(long millis) {
        return ISO.format(Instant.ofEpochMilli(millis));
    }
}

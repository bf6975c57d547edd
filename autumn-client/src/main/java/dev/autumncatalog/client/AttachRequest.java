package dev.autumncatalog.client;

import java.net.URI;

/**
 * A {@code billing.attach}: put the customer on a plan (new subscription, upgrade, downgrade or add-on). Paid plans go
 * through Stripe, so the answer may carry a checkout page the customer must open.
 *
 * <pre>{@code
 * AttachResult attached = autumn.attach(AttachRequest.of(customerId, "pro")
 *         .successUrl(URI.create("https://example.com/billing/done")));
 * }</pre>
 *
 * @param customerId the customer
 * @param planId the plan
 * @param entityId the entity to attach the plan to, or {@code null}
 * @param successUrl where checkout sends the customer afterwards, or {@code null}
 */
public record AttachRequest(String customerId, String planId, String entityId, URI successUrl) {

    /** Checks the ids. */
    public AttachRequest {
        Ids.required(customerId, "customerId");
        Ids.required(planId, "planId");
        Ids.optional(entityId, "entityId");
    }

    /** Attach {@code planId} to {@code customerId}. */
    public static AttachRequest of(String customerId, String planId) {
        return new AttachRequest(customerId, planId, null, null);
    }

    /** This attach, for entity {@code entityId}. */
    public AttachRequest entityId(String entityId) {
        Ids.required(entityId, "entityId");
        return new AttachRequest(customerId, planId, entityId, successUrl);
    }

    /** This attach, sending the customer to {@code successUrl} after checkout. */
    public AttachRequest successUrl(URI successUrl) {
        return new AttachRequest(customerId, planId, entityId, successUrl);
    }
}

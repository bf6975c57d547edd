package dev.autumncatalog.client;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What attaching a plan left the customer to do: open a checkout page, or nothing.
 *
 * <pre>{@code
 * AttachResult attached = autumn.attach(customerId, "pro");
 * return attached.checkoutUrl().map(url -> redirectTo(url)).orElseGet(() -> showPlan("pro"));
 * }</pre>
 *
 * @param customerId the customer
 * @param entityId the entity, or {@code null}
 * @param paymentUrl the page where the customer must pay or confirm, or {@code null} when nothing is needed
 * @param requiredAction why payment needs the customer, or {@code null}
 * @param invoice the invoice created, or {@code null}
 */
public record AttachResult(
        String customerId, String entityId, URI paymentUrl, RequiredAction requiredAction, Invoice invoice) {

    /** Checks the customer id. */
    public AttachResult {
        Objects.requireNonNull(customerId, "customerId");
    }

    /** The page to send the customer to, if the attach needs them (checkout, 3-D Secure, a payment method). */
    public Optional<URI> checkoutUrl() {
        return Optional.ofNullable(paymentUrl);
    }

    /**
     * Why the customer must act.
     *
     * @param code {@code 3ds_required}, {@code payment_method_required}, {@code payment_failed} or {@code
     *     payment_processing}
     * @param reason Autumn's words
     */
    public record RequiredAction(String code, String reason) {}

    /**
     * An invoice the attach created.
     *
     * @param status Stripe's status, or {@code null}
     * @param stripeId Stripe's id
     * @param total the total, in the currency's main unit as Autumn reports it
     * @param currency the currency code
     * @param hostedInvoiceUrl the invoice page, or {@code null}
     */
    public record Invoice(String status, String stripeId, BigDecimal total, String currency, URI hostedInvoiceUrl) {}
}

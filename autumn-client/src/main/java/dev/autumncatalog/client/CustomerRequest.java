package dev.autumncatalog.client;

import java.util.Map;

/**
 * A {@code customers.get_or_create}: the customer with this id, created (on the plans that auto-enable) if it does not
 * exist. An existing customer comes back unchanged: the name and email here are then ignored.
 *
 * <pre>{@code
 * Customer customer = autumn.getOrCreateCustomer(CustomerRequest.of(user.id())
 *         .name(user.displayName())
 *         .email(user.email()));
 * }</pre>
 *
 * @param customerId the customer id; Autumn takes letters, digits, {@code _}, {@code -} and {@code :}
 * @param name the name, or {@code null}
 * @param email the email address, or {@code null}
 * @param fingerprint a device or account fingerprint to spot duplicate sign-ups, or {@code null}
 * @param metadata metadata to store with the customer
 */
public record CustomerRequest(
        String customerId, String name, String email, String fingerprint, Map<String, Object> metadata) {

    /** Checks the id and copies the metadata. */
    public CustomerRequest {
        Ids.required(customerId, "customerId");
        metadata = Properties.copy(metadata);
    }

    /** The customer {@code customerId}, no other details. */
    public static CustomerRequest of(String customerId) {
        return new CustomerRequest(customerId, null, null, null, Map.of());
    }

    /** This request, with the customer's name. */
    public CustomerRequest name(String name) {
        return new CustomerRequest(customerId, name, email, fingerprint, metadata);
    }

    /** This request, with the customer's email address. */
    public CustomerRequest email(String email) {
        return new CustomerRequest(customerId, name, email, fingerprint, metadata);
    }

    /** This request, with a fingerprint. */
    public CustomerRequest fingerprint(String fingerprint) {
        return new CustomerRequest(customerId, name, email, fingerprint, metadata);
    }

    /** This request, with metadata. */
    public CustomerRequest metadata(Map<String, ?> metadata) {
        return new CustomerRequest(customerId, name, email, fingerprint, Properties.copy(metadata));
    }
}

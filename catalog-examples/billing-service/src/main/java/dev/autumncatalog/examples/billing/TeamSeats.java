package dev.autumncatalog.examples.billing;

import dev.autumncatalog.client.AutumnClient;
import dev.autumncatalog.client.AutumnNotFoundException;
import dev.autumncatalog.examples.billing.autumn.Metered;
import java.util.Objects;

/**
 * Team members as seats, following Autumn's guide on entities: each member is an entity of the continuous-use {@code
 * seats} feature, which takes one seat when it is created and gives it back when it is deleted. Autumn lets a seat be
 * taken past the plan's allowance, so the service checks for a free seat first.
 */
public final class TeamSeats {
    private final AutumnClient autumn;

    /** Seats counted through {@code autumn}. */
    public TeamSeats(AutumnClient autumn) {
        this.autumn = Objects.requireNonNull(autumn, "autumn");
    }

    /**
     * Adds {@code memberId} to {@code customerId}'s team, taking one seat.
     *
     * @throws UsageLimitException when every seat of the plan is taken
     */
    public void add(String customerId, String memberId) {
        if (!autumn.check(customerId, Metered.SEATS).allowed()) {
            throw new UsageLimitException(customerId, Metered.SEATS, 1);
        }
        autumn.createEntity(customerId, memberId, Metered.SEATS);
    }

    /** Removes {@code memberId}, giving its seat back; a member not on the team is left alone. */
    public void remove(String customerId, String memberId) {
        try {
            autumn.deleteEntity(customerId, memberId);
        } catch (AutumnNotFoundException e) {
            // Already gone: removing twice is not an error for the caller.
        }
    }
}

package dev.autumncatalog.examples.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autumncatalog.examples.billing.autumn.Metered;
import dev.autumncatalog.examples.pricing.Pricing;
import dev.autumncatalog.sandbox.junit.AutumnSandboxExtension;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Seats as entities, against the sandbox with the pricing catalog pushed (business: 3 seats included). */
class TeamSeatsTest {
    @RegisterExtension
    static AutumnSandboxExtension autumn = AutumnSandboxExtension.withCatalog(new Pricing());

    private final TeamSeats seats = new TeamSeats(autumn.client());

    private static BigDecimal used(String customer) {
        return autumn.client().check(customer, Metered.SEATS).balance().usage();
    }

    @Test
    void seats_takenUpToThePlan_thenRefused_andAReleasedSeatIsFreeAgain() {
        String customer = autumn.customerOn("business");
        seats.add(customer, "ann");
        seats.add(customer, "bob");
        seats.add(customer, "cy");
        assertThat(used(customer)).isEqualByComparingTo("3");

        assertThatThrownBy(() -> seats.add(customer, "dee"))
                .isInstanceOf(UsageLimitException.class)
                .hasMessage("Customer " + customer + " cannot use 1 more Seats (seats)");
        assertThat(used(customer)).isEqualByComparingTo("3");

        seats.remove(customer, "bob");
        assertThat(used(customer)).isEqualByComparingTo("2");
        seats.add(customer, "dee");
        assertThat(autumn.client().entity(customer, "dee").featureId()).isEqualTo("seats");
        assertThat(used(customer)).isEqualByComparingTo("3");
    }

    @Test
    void remove_aMemberNotOnTheTeam_changesNothing() {
        String customer = autumn.customerOn("business");
        seats.add(customer, "ann");

        seats.remove(customer, "nobody");

        assertThat(used(customer)).isEqualByComparingTo("1");
    }
}

package dev.autumncatalog.examples.billing;

import dev.autumncatalog.client.AutumnClient;
import dev.autumncatalog.client.Balance;
import dev.autumncatalog.client.FeatureRef;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * What a customer sees of their quota, following Autumn's guide on showing remaining usage: a {@code check} without a
 * required amount reads the balance (Autumn answers with the balance that decides: on a credit plan, the credits).
 *
 * <pre>{@code
 * quota.describe(customerId, Metered.API_CALLS, "API calls")   // "912 of 1,000 API calls left; resets on 2027-03-01"
 * }</pre>
 */
public final class QuotaView {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final AutumnClient autumn;

    /** Quotas read through {@code autumn}. */
    public QuotaView(AutumnClient autumn) {
        this.autumn = Objects.requireNonNull(autumn, "autumn");
    }

    /** One line for the user: what is left of {@code feature}, in {@code unit}, and when it resets. */
    public String describe(String customerId, FeatureRef feature, String unit) {
        Balance balance = autumn.check(customerId, feature).balance();
        if (balance == null) {
            return "No " + unit + " on your plan";
        }
        if (balance.unlimited()) {
            return "Unlimited " + unit;
        }
        String line = count(balance.remaining()) + " of " + count(balance.granted()) + " " + unit + " left";
        if (balance.usage().compareTo(balance.granted()) > 0 && balance.overageAllowed()) {
            line += " (" + count(balance.usage().subtract(balance.granted())) + " over, billed as overage)";
        }
        return balance.nextResetAt() == null ? line : line + "; resets on " + DAY.format(balance.nextResetAt());
    }

    private static String count(BigDecimal amount) {
        // A new format per call: DecimalFormat is not thread-safe.
        return new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.US)).format(amount);
    }
}

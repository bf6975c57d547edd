package dev.autumncatalog.examples.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autumncatalog.client.AutumnClient;
import dev.autumncatalog.client.Balance;
import dev.autumncatalog.examples.billing.autumn.Credits;
import dev.autumncatalog.examples.billing.autumn.Metered;
import dev.autumncatalog.examples.pricing.Pricing;
import dev.autumncatalog.sandbox.junit.AutumnSandboxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AI tokens by actual use, the credit system behind them and a credit top-up, against the sandbox with the pricing
 * catalog pushed (free: 5,000 tokens a month; flex: 2,000 credits a month at 0.01 credits a token; credit_pack: 1,000
 * credits that never reset).
 */
class AiChatServiceTest {
    @RegisterExtension
    static AutumnSandboxExtension autumn = AutumnSandboxExtension.withCatalog(new Pricing());

    private final StubModel model = new StubModel();

    private AiChatService chat() {
        return new AiChatService(autumn.client(), model);
    }

    /** Estimates 1,200 tokens per prompt, answers in upper case using 800 tokens, or fails on "fail". */
    private static final class StubModel implements ChatModel {
        final List<String> prompts = new ArrayList<>();

        @Override
        public long estimateTokens(String prompt) {
            return 1_200;
        }

        @Override
        public Completion complete(String prompt) {
            prompts.add(prompt);
            if (prompt.equals("fail")) {
                throw new IllegalStateException("model overloaded");
            }
            return new Completion(prompt.toUpperCase(Locale.ROOT), 800);
        }
    }

    private static Balance balance(String customer, dev.autumncatalog.client.FeatureRef feature) {
        return autumn.client().check(customer, feature).balance();
    }

    @Test
    void reply_tracksTheTokensActuallyUsed_notTheEstimate() {
        String customer = autumn.customerOn("free");

        assertThat(chat().reply(customer, "hello")).isEqualTo("HELLO");

        Balance tokens = balance(customer, Metered.AI_TOKENS);
        assertThat(tokens.usage()).isEqualByComparingTo("800");
        assertThat(tokens.remaining()).isEqualByComparingTo("4200");
    }

    @Test
    void reply_balanceBelowTheEstimate_refusesWithoutCallingTheModel_andTracksNothing() {
        String customer = autumn.customerOn("free");
        autumn.client().track(customer, Metered.AI_TOKENS, 4_000); // 1,000 left, the estimate is 1,200

        assertThatThrownBy(() -> chat().reply(customer, "hello"))
                .isInstanceOf(UsageLimitException.class)
                .hasMessage("Customer " + customer + " cannot use 1200 more AI Tokens (ai_tokens)");
        assertThat(model.prompts).isEmpty();
        assertThat(balance(customer, Metered.AI_TOKENS).remaining()).isEqualByComparingTo("1000");
    }

    @Test
    void reply_modelFails_tracksNothing() {
        String customer = autumn.customerOn("free");

        assertThatThrownBy(() -> chat().reply(customer, "fail")).hasMessage("model overloaded");

        assertThat(balance(customer, Metered.AI_TOKENS).usage()).isEqualByComparingTo("0");
    }

    @Test
    void creditPlan_tracksTheMeteredFeature_andAutumnSpendsTheCredits() {
        String customer = autumn.customerOn("flex");

        chat().reply(customer, "hello");

        // 800 tokens at 0.01 credits: 8 credits. The service tracked AI_TOKENS; Credits.CREDITS cannot be tracked.
        Balance credits = balance(customer, Credits.CREDITS);
        assertThat(credits.featureId()).isEqualTo("credits");
        assertThat(credits.granted()).isEqualByComparingTo("2000");
        assertThat(credits.remaining()).isEqualByComparingTo("1992");
    }

    @Test
    void creditTopUp_aPackBoughtWhenTheCreditsRanOut_isSpentAndOutlivesTheMonthlyReset() {
        String customer = autumn.customerOn("flex");
        AutumnClient client = autumn.client();
        client.track(customer, Metered.API_CALLS, 2_000); // 1 credit a call: the month's credits are gone
        assertThatThrownBy(() -> chat().reply(customer, "hello")).isInstanceOf(UsageLimitException.class);

        autumn.customerOn(customer, "credit_pack"); // what a paid attach does once checkout completes
        chat().reply(customer, "hello");

        Balance afterTopUp = balance(customer, Credits.CREDITS);
        assertThat(afterTopUp.granted()).isEqualByComparingTo("3000");
        assertThat(afterTopUp.remaining()).isEqualByComparingTo("992");

        autumn.advanceClock(Duration.ofDays(32));

        // The plan's 2,000 monthly credits are back; the pack's 992 are kept (it never resets).
        assertThat(balance(customer, Credits.CREDITS).remaining()).isEqualByComparingTo("2992");
    }
}

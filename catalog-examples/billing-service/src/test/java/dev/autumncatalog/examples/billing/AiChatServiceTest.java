package dev.autumncatalog.examples.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autumncatalog.examples.billing.autumn.FeatureId;
import dev.autumncatalog.examples.billing.autumn.Features;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AiChatServiceTest {
    private final InMemoryBilling billing = new InMemoryBilling();
    private final StubModel model = new StubModel();
    private final AiChatService chat = new AiChatService(billing, model);

    /** Estimates 100 tokens per prompt, answers in upper case using 42 tokens, or fails on "fail". */
    private static final class StubModel implements ChatModel {
        final List<String> prompts = new ArrayList<>();

        @Override
        public long estimateTokens(String prompt) {
            return 100;
        }

        @Override
        public Completion complete(String prompt) {
            prompts.add(prompt);
            if (prompt.equals("fail")) {
                throw new IllegalStateException("model overloaded");
            }
            return new Completion(prompt.toUpperCase(java.util.Locale.ROOT), 42);
        }
    }

    @Test
    void reply_enoughTokens_checksEstimateAndTracksTokensActuallyUsed() {
        billing.grant("cus_1", Features.AI_TOKENS, 50_000);

        String reply = chat.reply("cus_1", "hello");

        assertThat(reply).isEqualTo("HELLO");
        assertThat(billing.checks()).containsExactly("ai_tokens:100");
        assertThat(billing.tracked()).containsExactly(new InMemoryBilling.Tracked("cus_1", "ai_tokens", 42));
        assertThat(billing.balance("cus_1", Features.AI_TOKENS)).isEqualTo(49_958);
    }

    @Test
    void reply_balanceBelowEstimate_refusesWithoutCallingTheModel() {
        billing.grant("cus_1", Features.AI_TOKENS, 99);

        assertThatThrownBy(() -> chat.reply("cus_1", "hello"))
                .isInstanceOf(UsageLimitException.class)
                .hasMessage("Customer cus_1 cannot use 100 more AI Tokens (ai_tokens)")
                .extracting(e -> ((UsageLimitException) e).feature())
                .isEqualTo(FeatureId.AI_TOKENS);
        assertThat(model.prompts).isEmpty();
        assertThat(billing.tracked()).isEmpty();
    }

    @Test
    void reply_modelFails_tracksNothing() {
        billing.grant("cus_1", Features.AI_TOKENS, 50_000);

        assertThatThrownBy(() -> chat.reply("cus_1", "fail")).hasMessage("model overloaded");
        assertThat(billing.tracked()).isEmpty();
        assertThat(billing.balance("cus_1", Features.AI_TOKENS)).isEqualTo(50_000);
    }
}

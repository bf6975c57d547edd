package dev.autumncatalog.examples.billing;

import dev.autumncatalog.examples.billing.autumn.FeatureId;
import dev.autumncatalog.examples.billing.autumn.Features;
import java.util.Objects;

/**
 * Chat replies metered in AI tokens, following Autumn's guide: check the balance with an estimate before the expensive
 * call, call the model, then track the tokens really used, and only when the call succeeded.
 */
public final class AiChatService {
    private final Billing billing;
    private final ChatModel model;

    /** A chat service billing through {@code billing}. */
    public AiChatService(Billing billing, ChatModel model) {
        this.billing = Objects.requireNonNull(billing, "billing");
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * Answers {@code prompt} for {@code customerId}.
     *
     * @throws UsageLimitException when the customer's AI token balance cannot cover the estimate; the model is not
     *     called
     */
    public String reply(String customerId, String prompt) {
        long estimate = model.estimateTokens(prompt);
        if (!billing.check(customerId, Features.AI_TOKENS, estimate)) {
            throw new UsageLimitException(customerId, FeatureId.AI_TOKENS, estimate);
        }
        // A failing model call throws here, before track: the customer pays only for answers.
        ChatModel.Completion completion = model.complete(prompt);
        billing.track(customerId, Features.AI_TOKENS, completion.tokensUsed());
        return completion.text();
    }
}

package dev.autumncatalog.examples.billing;

import dev.autumncatalog.client.AutumnClient;
import dev.autumncatalog.client.CheckRequest;
import dev.autumncatalog.examples.billing.autumn.Metered;
import java.util.Objects;

/**
 * Chat replies metered in AI tokens, following Autumn's guide: check the balance with an estimate before the expensive
 * call, call the model, then track the tokens really used, and only when the call succeeded.
 *
 * <p>On the {@code flex} plan the customer has no AI tokens of their own: the check answers with the credits that cover
 * the estimate and the track spends them (0.01 credits a token). The service still tracks {@code AI_TOKENS}, never the
 * credit system: {@code autumn.track(customerId, Credits.CREDITS, ...)} does not compile.
 */
public final class AiChatService {
    private final AutumnClient autumn;
    private final ChatModel model;

    /** A chat service billing through {@code autumn}. */
    public AiChatService(AutumnClient autumn, ChatModel model) {
        this.autumn = Objects.requireNonNull(autumn, "autumn");
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * Answers {@code prompt} for {@code customerId}.
     *
     * @throws UsageLimitException when the customer's AI token balance (or the credits behind it) cannot cover the
     *     estimate; the model is not called
     */
    public String reply(String customerId, String prompt) {
        long estimate = model.estimateTokens(prompt);
        if (!autumn.check(CheckRequest.of(customerId, Metered.AI_TOKENS).requiredBalance(estimate))
                .allowed()) {
            throw new UsageLimitException(customerId, Metered.AI_TOKENS, estimate);
        }
        // A failing model call throws here, before track: the customer pays only for answers.
        ChatModel.Completion completion = model.complete(prompt);
        autumn.track(customerId, Metered.AI_TOKENS, completion.tokensUsed());
        return completion.text();
    }
}

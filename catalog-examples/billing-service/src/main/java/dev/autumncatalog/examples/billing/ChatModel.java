package dev.autumncatalog.examples.billing;

/** The language model behind {@link AiChatService}; a stub in tests, an HTTP client in production. */
public interface ChatModel {
    /**
     * An upper estimate of the tokens a reply to {@code prompt} will use, checked against the balance first.
     *
     * @param prompt the prompt
     * @return the estimate, at least 1
     */
    long estimateTokens(String prompt);

    /**
     * Answers the prompt; throws when the model fails.
     *
     * @param prompt the prompt
     * @return the reply and the tokens it really used
     */
    Completion complete(String prompt);

    /**
     * A model reply.
     *
     * @param text the reply
     * @param tokensUsed the tokens the call used, prompt and reply
     */
    record Completion(String text, long tokensUsed) {}
}

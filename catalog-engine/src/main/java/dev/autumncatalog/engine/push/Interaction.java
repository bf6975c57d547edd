package dev.autumncatalog.engine.push;

/**
 * Asks the user a yes/no question, for decisions the options leave open (removals, versions, drops). The plugin
 * answers from the console when Maven is interactive; in batch mode {@link #BATCH} answers no without asking, so
 * opt-ins come only from options.
 *
 * <pre>{@code
 * Interaction console = question -> prompter.promptForYes(question);
 * }</pre>
 */
@FunctionalInterface
public interface Interaction {
    /** Never asks, always no: opt-ins come only from options. */
    Interaction BATCH = new Interaction() {
        @Override
        public boolean confirm(String question) {
            return false;
        }

        @Override
        public boolean interactive() {
            return false;
        }
    };

    /** Asks {@code question}; {@code true} for yes. The question ends with {@code ?} and names what is affected. */
    boolean confirm(String question);

    /** {@code false} when questions are not asked at all (batch mode). */
    default boolean interactive() {
        return true;
    }
}

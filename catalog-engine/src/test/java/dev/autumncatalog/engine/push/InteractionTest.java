package dev.autumncatalog.engine.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Batch mode never says yes: opt-ins (removals, versions, drops, a live push) come only from options. */
class InteractionTest {
    @Test
    void batch_answersNo_withoutAsking() {
        assertThat(Interaction.BATCH.interactive()).isFalse();
        assertThat(Interaction.BATCH.confirm("Remove from Autumn what the catalog no longer has (plan pro)?"))
                .isFalse();
    }

    @Test
    void aLambda_isInteractive() {
        Interaction yes = question -> true;

        assertThat(yes.interactive()).isTrue();
    }
}

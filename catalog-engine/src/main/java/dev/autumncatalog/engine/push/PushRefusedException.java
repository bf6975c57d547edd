package dev.autumncatalog.engine.push;

import dev.autumncatalog.engine.plan.Blocker;
import java.util.List;

/**
 * A push did not start because the plan needs decisions the options do not give (removals, versions, drops). Nothing
 * was changed. Each {@link Blocker} names the property that unblocks it.
 */
public final class PushRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Blocker> blockers;

    /** A refusal for {@code blockers}, which is not empty. */
    public PushRefusedException(List<Blocker> blockers) {
        super(message(blockers));
        this.blockers = List.copyOf(blockers);
    }

    /** What must be decided. */
    public List<Blocker> blockers() {
        return blockers;
    }

    private static String message(List<Blocker> blockers) {
        StringBuilder text = new StringBuilder("Push refused; nothing was changed in Autumn:");
        for (Blocker blocker : blockers) {
            text.append("\n  ").append(blocker.message());
        }
        return text.toString();
    }
}

package dev.autumncatalog.engine.push;

import dev.autumncatalog.engine.plan.Blocker;
import dev.autumncatalog.engine.text.FrontEnd;
import java.util.List;

/**
 * A push did not start because the plan needs decisions the options do not give (removals, versions, drops). Nothing
 * was changed. Each {@link Blocker} says which settings unblock it; the message words them as the front end does.
 */
public final class PushRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Blocker> blockers;

    /** A refusal for {@code blockers}, which is not empty, worded with {@link FrontEnd#NEUTRAL} names. */
    public PushRefusedException(List<Blocker> blockers) {
        this(blockers, FrontEnd.NEUTRAL);
    }

    /** A refusal for {@code blockers}, which is not empty, naming settings as {@code frontEnd} does. */
    public PushRefusedException(List<Blocker> blockers, FrontEnd frontEnd) {
        super(message(blockers, frontEnd));
        this.blockers = List.copyOf(blockers);
    }

    /** What must be decided. */
    public List<Blocker> blockers() {
        return blockers;
    }

    private static String message(List<Blocker> blockers, FrontEnd frontEnd) {
        StringBuilder text = new StringBuilder("Push refused; nothing was changed in Autumn:");
        for (Blocker blocker : blockers) {
            text.append("\n  ").append(blocker.message(frontEnd));
        }
        return text.toString();
    }
}

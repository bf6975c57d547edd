package dev.autumncatalog.engine.pull;

import com.palantir.javapoet.JavaFile;
import java.util.List;

/**
 * What {@link CatalogSourceWriter} made of a remote catalog.
 *
 * @param files the Java sources, without the marker header {@code PullService} adds when writing them
 * @param notes what the sources could not say in the DSL, or pulled in although left out, one readable line each
 *     ({@code feature 'ai_credits': not pulled, the DSL cannot express it: …}); each is also a comment in the source
 */
public record PulledSource(List<JavaFile> files, List<String> notes) {
    /** Copies both lists. */
    public PulledSource {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }
}

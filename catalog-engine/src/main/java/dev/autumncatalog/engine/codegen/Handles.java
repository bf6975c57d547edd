package dev.autumncatalog.engine.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureType;
import dev.autumncatalog.engine.text.JavadocText;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.lang.model.element.Modifier;

/**
 * The typed handles of a catalog's features, for the run-time client ({@code autumn-client}): {@code Metered} (single-
 * and continuous-use, {@code MeteredFeature}: checked and tracked), {@code Flags} (boolean, {@code BooleanFlag}:
 * checked) and {@code Credits} (credit systems, {@code CreditSystem}: checked). The client's types let {@code track}
 * take metered features only, so tracking a flag or a credit system does not compile.
 *
 * <p>Each handle is made by the client's one static factory for its kind ({@code MeteredFeature.of(Features.API_CALLS)}),
 * the stable API the client keeps for code generators. The client's types are named by {@link ClassName}, never by
 * class literal: the engine does not depend on the client, and the DSL has types of the same simple names ({@code
 * MeteredFeature}, {@code CreditSystem}) that mean something else. JavaPoet writes a fully-qualified name wherever a
 * simple name would clash in the generated file.
 */
final class Handles {
    /** The package of the run-time client whose types the handles have. */
    static final String CLIENT_PACKAGE = "dev.autumncatalog.client";

    /** The simple names of the handle classes, in the order {@link #types} returns them. */
    static final List<String> CLASS_NAMES = List.of("Credits", "Flags", "Metered");

    private static final ClassName METERED_FEATURE = ClassName.get(CLIENT_PACKAGE, "MeteredFeature");
    private static final ClassName BOOLEAN_FLAG = ClassName.get(CLIENT_PACKAGE, "BooleanFlag");
    private static final ClassName CREDIT_SYSTEM = ClassName.get(CLIENT_PACKAGE, "CreditSystem");
    private static final ClassName AUTUMN_CLIENT = ClassName.get(CLIENT_PACKAGE, "AutumnClient");

    private final ClassName features;
    private final ClassName metered;
    private final ClassName flags;
    private final ClassName credits;

    Handles(String packageName) {
        this.features = ClassName.get(packageName, "Features");
        this.metered = ClassName.get(packageName, "Metered");
        this.flags = ClassName.get(packageName, "Flags");
        this.credits = ClassName.get(packageName, "Credits");
    }

    /**
     * The three classes, each with one constant per feature of its kind, sorted by id (a class with no constant is
     * still generated, so the set of files does not depend on the catalog).
     *
     * @param byId the catalog's features by id, sorted
     * @param names their constant names, as in {@code Features}
     */
    List<TypeSpec> types(Map<String, Feature> byId, Map<String, String> names) {
        return List.of(
                credits(byId, names),
                handles(
                        flags,
                        BOOLEAN_FLAG,
                        byId,
                        names,
                        type -> type == FeatureType.BOOLEAN,
                        "The boolean features of the catalog as typed handles for {@link $T}: checked, never"
                                + " tracked (there is\nnothing to count, so {@code track} does not accept them).\n\n"
                                + "<pre>{@code\nboolean sso = autumn.check(customerId, Flags.SSO).allowed();\n}</pre>\n",
                        feature -> "boolean: check only."),
                handles(
                        metered,
                        METERED_FEATURE,
                        byId,
                        names,
                        FeatureType::isMetered,
                        "The metered features of the catalog (single- and continuous-use) as typed handles for"
                                + " {@link $T}:\nchecked before the work and tracked after it.\n\n<pre>{@code\n"
                                + "if (!autumn.check(customerId, Metered.API_CALLS).allowed()) {\n"
                                + "    throw new UsageLimitException(customerId);\n}\n"
                                + "autumn.track(customerId, Metered.API_CALLS, 1);\n}</pre>\n",
                        feature -> feature.type().word() + ": check and track."));
    }

    private TypeSpec credits(Map<String, Feature> byId, Map<String, String> names) {
        return handles(
                credits,
                CREDIT_SYSTEM,
                byId,
                names,
                type -> type == FeatureType.CREDIT_SYSTEM,
                "The credit systems of the catalog as typed handles for {@link $T}: checked (to show what is left),"
                        + " never\ntracked. Track the metered feature that spends the credits and Autumn deducts them;"
                        + " {@code track} does not\naccept a credit system, so it cannot be counted without the"
                        + " feature that used it.\n",
                feature -> "credit system: check only; track "
                        + spenders((dev.autumncatalog.dsl.CreditSystem) feature, names)
                        + " and Autumn spends these credits.");
    }

    /** The metered handles that draw from a credit system: {@code {@link Metered#API_CALLS}, ...}. */
    private String spenders(dev.autumncatalog.dsl.CreditSystem system, Map<String, String> names) {
        StringBuilder text = new StringBuilder();
        List<CreditCost> schema = system.creditSchema();
        for (int i = 0; i < schema.size(); i++) {
            if (i > 0) {
                text.append(i == schema.size() - 1 ? " or " : ", ");
            }
            String name = names.get(schema.get(i).feature().id());
            text.append(name == null ? "its features" : "{@link " + metered.simpleName() + "#" + name + "}");
        }
        return text.length() == 0 ? "its features" : text.toString();
    }

    private TypeSpec handles(
            ClassName name,
            ClassName handleType,
            Map<String, Feature> byId,
            Map<String, String> names,
            Predicate<FeatureType> kind,
            String javadoc,
            Function<Feature, String> what) {
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(javadoc, AUTUMN_CLIENT)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build());
        byId.forEach((id, feature) -> {
            if (!kind.test(feature.type())) {
                return;
            }
            String constant = names.get(id);
            type.addField(FieldSpec.builder(handleType, constant, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc(
                            "$L",
                            "{@link " + features.simpleName() + "#" + constant + " "
                                    + JavadocText.escape(feature.name()) + "}, " + what.apply(feature) + "\n")
                    .initializer("$T.of($T.$L)", handleType, features, constant)
                    .build());
        });
        return type.build();
    }
}

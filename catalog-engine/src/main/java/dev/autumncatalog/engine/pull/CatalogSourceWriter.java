package dev.autumncatalog.engine.pull;

import static dev.autumncatalog.engine.pull.Expr.text;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.autumncatalog.dsl.Autumn;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogDefinition;
import dev.autumncatalog.dsl.CatalogPart;
import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.Problem;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.autumn.RemoteCatalog;
import dev.autumncatalog.engine.autumn.RemoteFeature;
import dev.autumncatalog.engine.autumn.RemotePlan;
import dev.autumncatalog.engine.model.Items;
import dev.autumncatalog.engine.text.JavadocText;
import dev.autumncatalog.engine.text.Words;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes a remote catalog as Java DSL source, the way it would be written by hand: one {@code public static final}
 * constant per feature (credit systems after the features they draw from) and per product, referring to the feature
 * constants, and a {@link CatalogDefinition} whose {@code define()} returns all of them.
 *
 * <pre>{@code
 * PulledSource source = CatalogSourceWriter.write(api.fetchCatalog(), PullOptions.of("com.example.pricing"));
 * source.notes().forEach(log::warn);
 * }</pre>
 *
 * <p>Pure: nothing is read or written. What the DSL cannot express (a feature or plan without a model, the {@code
 * unsupported} lines of the rest) is never dropped silently: it becomes a note and a comment next to the entity, or in
 * the class comment when the entity could not be written at all. Archived entities are left out unless {@link
 * PullOptions#includeArchived()}, except archived features a pulled product or credit system uses. Names follow
 * {@link ConstantNames}; amounts read like hand-written ones ({@code 10_000}, {@code priceItem(20)}, {@code
 * price("0.01")}).
 */
public final class CatalogSourceWriter {
    private static final ClassName FEATURE = ClassName.get(Feature.class);
    private static final ClassName PRODUCT = ClassName.get(Product.class);
    private static final ClassName CATALOG = ClassName.get(Catalog.class);

    /**
     * Above this many characters of initialisers, each constant gets its own initialiser method: javac limits a class
     * initialiser to 64 KB of bytecode, which some 400 products of six items each reach.
     */
    static final int LARGE = 60_000;

    /** What a marker says of a value a protective rule refuses. */
    private static final String HOLDS = "Autumn holds this";

    private CatalogSourceWriter() {}

    /** The pulled source of a remote catalog. */
    public static PulledSource write(RemoteCatalog remote, PullOptions options) {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(options, "options");
        return new Run(remote, options).write();
    }

    /** The source of a catalog as if pulled: every feature and product, none archived, nothing unsupported. */
    public static PulledSource write(Catalog catalog, PullOptions options) {
        List<RemoteFeature> features = new ArrayList<>();
        for (Feature feature : catalog.features()) {
            features.add(new RemoteFeature(feature.id(), feature, false, List.of()));
        }
        List<RemotePlan> plans = new ArrayList<>();
        for (Product product : catalog.products()) {
            plans.add(new RemotePlan(product.id(), product, false, 1, List.of()));
        }
        return write(new RemoteCatalog(features, plans), options);
    }

    /** A constant of the pulled class. */
    private record Constant(ClassName type, String name, Expr expr, List<String> comments) {}

    /** A feature or product to be written as a constant, with the comments that go next to it. */
    private static final class Declared<T> {
        final T model;
        final List<String> comments = new ArrayList<>();

        Declared(T model) {
            this.model = model;
        }
    }

    /** One writing: the choices, then the constants, then the file. */
    private static final class Run {
        private final RemoteCatalog remote;
        private final PullOptions options;
        private final List<String> notes = new ArrayList<>();
        /** Marker texts of problems without a spot in the file (of the catalog as a whole): in the class comment. */
        private final List<String> notPulledMarks = new ArrayList<>();
        /** Class comment lines for entities that could not be written at all. */
        private final List<String> notPulled = new ArrayList<>();

        private final Map<String, RemoteFeature> remoteFeatures = new HashMap<>();
        private final Set<String> archivedFeaturesLeftOut = new TreeSet<>();
        private final Set<String> archivedProductsLeftOut = new TreeSet<>();
        private final Map<String, Declared<Feature>> features = new LinkedHashMap<>();
        private final Map<String, Declared<Product>> products = new LinkedHashMap<>();
        private final SourceExpressions expressions = new SourceExpressions(this::ref);
        private ConstantNames names;

        Run(RemoteCatalog remote, PullOptions options) {
            this.remote = remote;
            this.options = options;
        }

        PulledSource write() {
            chooseFeatures();
            chooseProducts();
            pullInReferencedFeatures();
            names = ConstantNames.assign(new ArrayList<>(features.keySet()), new ArrayList<>(products.keySet()));
            List<Constant> constants = constants();
            boolean large =
                    constants.stream().mapToLong(c -> c.expr.flat().length()).sum() > LARGE;
            TypeSpec type = type(constants, large);
            JavaFile.Builder file = JavaFile.builder(options.packageName(), type)
                    .indent("    ")
                    .skipJavaLangImports(true)
                    .addFileComment(
                            "Pulled from Autumn. Edit it as your own catalog; a pull refuses to replace it once edited.");
            for (String method : expressions.staticImports()) {
                file.addStaticImport(ClassName.get(Autumn.class), method);
            }
            return new PulledSource(List.of(file.build()), notes);
        }

        /**
         * Features in dependency order, then products in Autumn's order; what a rule of the DSL refuses of them is marked
         * where it is written.
         */
        private List<Constant> constants() {
            List<Declared<Feature>> ordered = dependencyOrder();
            Marks marks = marks(ordered);
            List<Constant> constants = new ArrayList<>();
            for (Declared<Feature> feature : ordered) {
                String name = names.feature(feature.model.id());
                String what = "feature '" + feature.model.id() + "'";
                String path = "features[" + feature.model.id() + "]";
                Expr expr = expressions.feature(
                        feature.model, what, feature.comments, marks.of(path), marks.of(path + ".creditSchema"));
                constants.add(new Constant(FEATURE, name, expr, feature.comments));
            }
            for (Declared<Product> product : products.values()) {
                String name = names.product(product.model.id());
                String path = "products[" + product.model.id() + "]";
                Map<Integer, List<String>> items = new HashMap<>();
                for (int i = 0; i < product.model.items().size(); i++) {
                    List<String> item = marks.of(path + ".items[" + i + "]");
                    if (!item.isEmpty()) {
                        items.put(i, item);
                    }
                }
                Expr expr = expressions.product(product.model, product.comments, marks.of(path), items);
                constants.add(new Constant(PRODUCT, name, expr, product.comments));
            }
            for (List<String> left : marks.byPath.values()) {
                notPulledMarks.addAll(left);
            }
            return constants;
        }

        /** Marker texts by the path they are written at: an entity ({@code products[pro]}) or an item of a product. */
        private static final class Marks {
            final Map<String, List<String>> byPath = new LinkedHashMap<>();

            /** The marks at {@code path}, taken: what is left at the end has no spot in the file. */
            List<String> of(String path) {
                List<String> marks = byPath.remove(path);
                return marks == null ? List.of() : marks;
            }
        }

        /**
         * What {@code validate} will report of the pulled catalog: values Autumn holds that a rule of the DSL refuses to
         * protect the user (a negative price, an id outside Autumn's id rule), and rules about how values fit together
         * (a credit system drawing from a boolean feature). Each is written as Autumn holds it, so the file compiles,
         * and marked at its entity or item, so validate's one clear problem points at a line that says why.
         */
        private Marks marks(List<Declared<Feature>> ordered) {
            // The catalog define() will return: Catalog.of also declares what products use in another form.
            List<CatalogPart> parts = new ArrayList<>();
            ordered.forEach(d -> parts.add(d.model));
            products.values().forEach(d -> parts.add(d.model));
            Marks marks = new Marks();
            for (Problem problem : Catalog.of(parts.toArray(new CatalogPart[0])).validate()) {
                String spot = spot(problem.path());
                notes.add(problem.path() + ": " + problem.message() + " (" + HOLDS
                        + "); written as Autumn holds it and marked in the file, so validate reports it");
                marks.byPath
                        .computeIfAbsent(spot, p -> new ArrayList<>())
                        .add(Expr.marker(problem.message() + " \u2014 " + HOLDS + "; fix it here or in Autumn"));
            }
            return marks;
        }

        /**
         * Where a problem is marked: its item ({@code products[pro].items[2]}) or its entity ({@code features[credits]}
         * for {@code features[credits].creditSchema[0]}). Ids may hold {@code ]}, so the pulled ids are tried.
         */
        private String spot(String path) {
            for (Declared<Product> product : products.values()) {
                String entity = "products[" + product.model.id() + "]";
                if (path.equals(entity)) {
                    return entity;
                }
                String items = entity + ".items[";
                if (path.startsWith(items)) {
                    int end = path.indexOf(']', items.length());
                    return end < 0 ? entity : path.substring(0, end + 1);
                }
                if (path.startsWith(entity + ".")) {
                    return entity;
                }
            }
            for (String id : features.keySet()) {
                String entity = "features[" + id + "]";
                if (path.startsWith(entity + ".creditSchema")) {
                    return entity + ".creditSchema";
                }
                if (path.equals(entity) || path.startsWith(entity + ".")) {
                    return entity;
                }
            }
            return path;
        }

        /** The class: constants, constructor, {@code define()}, and the initialisers of a large catalog. */
        private TypeSpec type(List<Constant> constants, boolean large) {
            TypeSpec.Builder type = TypeSpec.classBuilder(options.className())
                    .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                    .addSuperinterface(CatalogDefinition.class);
            for (Constant constant : constants) {
                type.addField(field(constant, large));
            }
            type.addJavadoc("$L", classComment());
            type.addMethod(MethodSpec.constructorBuilder()
                    .addJavadoc("Creates the definition; the plugin calls this public no-argument constructor.")
                    .addModifiers(Modifier.PUBLIC)
                    .build());
            List<Expr> all = constants.stream().map(c -> text(c.name)).collect(Collectors.toList());
            type.addMethod(MethodSpec.methodBuilder("define")
                    .addJavadoc("Every pulled feature and product.")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(CATALOG)
                    .addCode("return $L;\n", returned(expressions.use("catalog", all.toArray(new Expr[0]))))
                    .build());
            if (large) {
                for (Constant constant : constants) {
                    type.addMethod(MethodSpec.methodBuilder(initialiser(constant))
                            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                            .returns(constant.type)
                            .addCode("return $L;\n", returned(constant.expr))
                            .build());
                }
            }
            return type.build();
        }

        /** An expression laid out after {@code return} in a method body. */
        private static CodeBlock returned(Expr expr) {
            return expr.layout(8 + "return ".length(), 8, 1);
        }

        // Choosing what to write

        private void chooseFeatures() {
            for (RemoteFeature feature : remote.features()) {
                String what = "feature '" + feature.id() + "'";
                if (remoteFeatures.putIfAbsent(feature.id(), feature) != null) {
                    notPulled(
                            "feature", feature.id(), feature.archived(), List.of("listed twice; the first is pulled"));
                    continue;
                }
                if (feature.model() == null) {
                    notPulled("feature", feature.id(), feature.archived(), feature.unsupported());
                } else if (feature.archived() && !options.includeArchived()) {
                    archivedFeaturesLeftOut.add(feature.id());
                } else if (features.containsKey(feature.model().id())) {
                    notPulled("feature", feature.id(), feature.archived(), List.of("its id is pulled already"));
                } else {
                    Declared<Feature> declared = new Declared<>(feature.model());
                    if (feature.archived()) {
                        declared.comments.add("Archived on Autumn.");
                    }
                    unsupported(what, feature.unsupported(), declared.comments);
                    kept(what, feature.kept(), declared.comments);
                    features.put(feature.model().id(), declared);
                }
            }
        }

        private void chooseProducts() {
            Set<String> seen = new HashSet<>();
            for (RemotePlan plan : remote.plans()) {
                String what = "product '" + plan.id() + "'";
                if (!seen.add(plan.id())) {
                    notPulled("product", plan.id(), plan.archived(), List.of("listed twice; the first is pulled"));
                } else if (plan.model() == null) {
                    notPulled("product", plan.id(), plan.archived(), plan.unsupported());
                } else if (plan.archived() && !options.includeArchived()) {
                    archivedProductsLeftOut.add(plan.id());
                } else if (products.containsKey(plan.model().id())) {
                    notPulled("product", plan.id(), plan.archived(), List.of("its id is pulled already"));
                } else {
                    Declared<Product> declared = new Declared<>(plan.model());
                    if (plan.archived()) {
                        declared.comments.add("Archived on Autumn.");
                    }
                    unsupported(what, plan.unsupported(), declared.comments);
                    kept(what, plan.kept(), declared.comments);
                    products.put(plan.model().id(), declared);
                }
            }
        }

        /** Declares every feature a pulled product or credit system uses, so the source compiles and says it all. */
        private void pullInReferencedFeatures() {
            Deque<Map.Entry<Feature, String>> work = new ArrayDeque<>();
            for (Declared<Product> product : products.values()) {
                for (Item item : product.model.items()) {
                    for (Feature used : Items.features(item)) {
                        work.add(Map.entry(used, "product '" + product.model.id() + "'"));
                    }
                }
            }
            for (Declared<Feature> feature : features.values()) {
                for (CreditCost cost : feature.model.creditSchema()) {
                    work.add(Map.entry(cost.feature(), "credit system '" + feature.model.id() + "'"));
                }
            }
            while (!work.isEmpty()) {
                Map.Entry<Feature, String> next = work.removeFirst();
                Feature used = next.getKey();
                String user = next.getValue();
                // The record may be written inline (when it differs from the declaration): what it uses needs a
                // declaration too. Records are finite trees, so this ends.
                for (CreditCost cost : used.creditSchema()) {
                    work.add(Map.entry(cost.feature(), "credit system '" + used.id() + "'"));
                }
                if (features.containsKey(used.id())) {
                    continue;
                }
                RemoteFeature remoteFeature = remoteFeatures.get(used.id());
                String what = "feature '" + used.id() + "'";
                Declared<Feature> declared;
                if (remoteFeature != null && remoteFeature.model() != null) {
                    declared = new Declared<>(remoteFeature.model());
                    declared.comments.add("Archived on Autumn; pulled because " + user + " uses it.");
                    unsupported(what, remoteFeature.unsupported(), declared.comments);
                    archivedFeaturesLeftOut.remove(used.id());
                    notes.add(what + ": archived on Autumn, pulled because " + user + " uses it");
                    for (CreditCost cost : declared.model.creditSchema()) {
                        work.add(Map.entry(cost.feature(), "credit system '" + used.id() + "'"));
                    }
                } else if (remoteFeature != null) {
                    declared = new Declared<>(used);
                    declared.comments.add("Written as " + user + " holds it: Autumn's feature could not be pulled"
                            + " (see the class comment).");
                    notes.add(what + ": written as " + user + " holds it, Autumn's feature could not be pulled");
                } else {
                    declared = new Declared<>(used);
                    declared.comments.add("Not in Autumn's feature list; written as " + user + " holds it.");
                    notes.add(what + ": not in Autumn's feature list, written as " + user + " holds it");
                }
                features.put(used.id(), declared);
            }
        }

        /** Features in declaration order, each after the features its credit schema refers to by constant. */
        private List<Declared<Feature>> dependencyOrder() {
            List<Declared<Feature>> ordered = new ArrayList<>();
            Set<String> visited = new HashSet<>();
            for (String id : features.keySet()) {
                visit(id, visited, ordered);
            }
            return ordered;
        }

        private void visit(String id, Set<String> visited, List<Declared<Feature>> ordered) {
            if (!visited.add(id)) {
                return;
            }
            Declared<Feature> feature = features.get(id);
            visitUsed(feature.model, visited, ordered);
            ordered.add(feature);
        }

        /** Visits the constants {@code feature}'s credit schema refers to, also through features written inline. */
        private void visitUsed(Feature feature, Set<String> visited, List<Declared<Feature>> ordered) {
            for (CreditCost cost : feature.creditSchema()) {
                Declared<Feature> target = features.get(cost.feature().id());
                if (target != null && target.model.equals(cost.feature())) {
                    visit(cost.feature().id(), visited, ordered);
                } else {
                    visitUsed(cost.feature(), visited, ordered);
                }
            }
        }

        private void notPulled(String kind, String id, boolean archived, List<String> reasons) {
            String because = reasons.isEmpty() ? "the DSL cannot express it" : String.join("; ", reasons);
            notes.add(kind + " '" + id + "'" + (archived ? " (archived)" : "") + ": not pulled: " + because);
            notPulled.add(kind + " " + code(id) + (archived ? " (archived)" : "") + ": " + JavadocText.escape(because));
        }

        /** What the DSL cannot say but every push keeps: said in the file and the log, never lost. */
        private void kept(String what, List<String> lines, List<String> comments) {
            for (String line : lines) {
                notes.add(what + ": kept in Autumn, the DSL cannot express it: " + line);
                comments.add("Kept in Autumn (a push leaves it as it is), the DSL cannot express it: " + line);
            }
        }

        private void unsupported(String what, List<String> lines, List<String> comments) {
            for (String line : lines) {
                notes.add(what + ": not pulled, the DSL cannot express it: " + line);
                comments.add("Not pulled, the DSL cannot express it: " + line);
            }
        }

        private String classComment() {
            StringBuilder doc = new StringBuilder("The Autumn catalog as pulled: ")
                    .append(Words.count(features.size(), "feature"))
                    .append(" and ")
                    .append(Words.count(products.size(), "product"))
                    .append(" (Autumn calls them plans)")
                    .append(options.includeArchived() ? ", archived ones included." : ".")
                    .append('\n');
            if (!notPulled.isEmpty()) {
                doc.append("\n<p>Not pulled:\n\n<ul>\n");
                for (String line : notPulled) {
                    doc.append("  <li>").append(line).append('\n');
                }
                doc.append("</ul>\n");
            }
            if (!notPulledMarks.isEmpty()) {
                doc.append("\n<p>Refused by a rule of the DSL, for the catalog as a whole:\n\n<ul>\n");
                for (String line : notPulledMarks) {
                    doc.append("  <li>").append(JavadocText.escape(line)).append('\n');
                }
                doc.append("</ul>\n");
            }
            if (!archivedFeaturesLeftOut.isEmpty() || !archivedProductsLeftOut.isEmpty()) {
                doc.append("\n<p>Archived on Autumn and left out:");
                String separator = " ";
                if (!archivedFeaturesLeftOut.isEmpty()) {
                    doc.append(separator)
                            .append(archivedFeaturesLeftOut.size() == 1 ? "feature " : "features ")
                            .append(codes(archivedFeaturesLeftOut));
                    separator = "; ";
                }
                if (!archivedProductsLeftOut.isEmpty()) {
                    doc.append(separator)
                            .append(archivedProductsLeftOut.size() == 1 ? "product " : "products ")
                            .append(codes(archivedProductsLeftOut));
                }
                doc.append(".\n");
            }
            return doc.toString();
        }

        /** The constant of a feature, or the feature written inline when it differs from what the constant holds. */
        private Expr ref(Feature feature, String where, List<String> comments) {
            Declared<Feature> declared = features.get(feature.id());
            if (declared != null && declared.model.equals(feature)) {
                return text(names.feature(feature.id()));
            }
            String message = where + " uses feature '" + feature.id()
                    + "' in another form than the feature declares; written inline as it is used";
            notes.add(message);
            comments.add("Uses feature '" + feature.id()
                    + "' in another form than the feature declares; written inline as it is used.");
            return expressions.feature(feature, where, comments);
        }

        /** A constant initialised in place, or by its own method in a large catalog. */
        private FieldSpec field(Constant constant, boolean large) {
            String declaration = "public static final " + constant.type.simpleName() + " " + constant.name + " = ";
            FieldSpec.Builder field = FieldSpec.builder(
                            constant.type, constant.name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .initializer(
                            large
                                    ? CodeBlock.of("$L()", initialiser(constant))
                                    : constant.expr.layout(4 + declaration.length(), 4, 1));
            if (!constant.comments.isEmpty()) {
                field.addJavadoc(
                        "$L",
                        constant.comments.stream()
                                .map(JavadocText::escape)
                                .collect(Collectors.joining("\n\n<p>", "", "\n")));
            }
            return field.build();
        }

        /** {@code init_pro}: lower case is one-to-one on constant names, and no DSL method starts with it. */
        private static String initialiser(Constant constant) {
            return "init_" + constant.name.toLowerCase(Locale.ROOT);
        }
    }

    private static String codes(Set<String> ids) {
        return ids.stream().map(CatalogSourceWriter::code).collect(Collectors.joining(", "));
    }

    /** An id in a Javadoc comment: {@code {@code id}} when Autumn kept to its id rule, else escaped in quotes. */
    private static String code(String id) {
        return id.matches("[a-zA-Z0-9_-]+") ? "{@code " + id + "}" : "'" + JavadocText.escape(id) + "'";
    }
}

package dev.autumncatalog.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.dsl.Autumn;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.PriceItem;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.autumn.AutumnClientConfig;
import dev.autumncatalog.engine.autumn.AutumnHttpClient;
import dev.autumncatalog.engine.push.CatalogSync;
import dev.autumncatalog.engine.push.PushOptions;
import dev.autumncatalog.engine.report.PlanRenderer;
import dev.autumncatalog.sandbox.AutumnSandbox;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The planner through the wire and back: a generated catalog ({@link Catalogs}: every item kind, tiers, credit
 * systems, add-ons, trials, rollovers, entities; some products archived) is pushed as request bodies to the local sandbox (which follows the
 * real server), listed, read by the wire reader and planned again. Unlike {@link PlannerPropertiesTest}, which diffs
 * the objects it built, this catches a field the writer drops, the reader misreads or the planner compares in a form
 * the server does not keep. Each try costs about 20 in-process HTTP exchanges, hence fewer tries than the default.
 */
class PlannerWirePropertyTest {
    private static AutumnSandbox sandbox;
    private static AutumnHttpClient api;

    @BeforeContainer
    static void start() {
        sandbox = AutumnSandbox.start();
        // Pacing is the client's courtesy to Autumn; here it would only slow the property down.
        api = new AutumnHttpClient(AutumnClientConfig.builder()
                .baseUrl(sandbox.baseUrl())
                .secretKey(sandbox.secretKey())
                .requestsPerSecond(1_000_000)
                .burst(1_000)
                .build());
    }

    @AfterContainer
    static void stop() {
        sandbox.close();
    }

    /** Pushed through the wire and read back, a catalog plans "No changes" in the same two requests. */
    @Property(tries = 200)
    void catalog_pushedAndReadBack_plansNoChanges(@ForAll("catalogs") Catalog catalog) {
        CatalogSync sync = pushed(catalog);

        int before = sandbox.requestCount();
        Plan again = sync.plan(catalog, options());

        assertThat(again.changes())
                .as("plan after push:\n%s", PlanRenderer.render(again))
                .isEmpty();
        assertThat(again.warnings()).isEmpty();
        assertThat(sandbox.requestCount() - before).isEqualTo(2);
    }

    /** One field changed in the catalog after the push is planned as exactly that one field of that one plan. */
    @Property(tries = 200)
    void oneFieldChanged_afterThePush_isPlannedAsExactlyThatField(@ForAll("edits") Edit edit) {
        CatalogSync sync = pushed(edit.catalog);
        Catalog changed = edit.apply();

        Plan plan = sync.plan(changed, options());

        assertThat(plan.changes())
                .as("plan:\n%s", PlanRenderer.render(plan))
                .singleElement()
                .isInstanceOfSatisfying(Change.UpdatePlan.class, update -> {
                    assertThat(update.after().id()).isEqualTo(edit.productId);
                    assertThat(update.fields()).extracting(FieldChange::path).containsExactly(edit.field.path);
                });
    }

    private static CatalogSync pushed(Catalog catalog) {
        assertThat(catalog.validate()).as("generated catalogs are valid").isEmpty();
        sandbox.clearCatalog();
        sandbox.clearRequests();
        CatalogSync sync = new CatalogSync(api);
        Plan first = sync.plan(catalog, options());
        sync.push(first, PushOptions.batch());
        return sync;
    }

    private static PlanOptions options() {
        return PlanOptions.defaults("sandbox", false).withAllowRemovals(true);
    }

    @Provide
    Arbitrary<Catalog> catalogs() {
        return Arbitraries.randomValue(random -> withArchived(Catalogs.catalog(random), random));
    }

    /** {@code catalog} with about a fifth of its products archived: Autumn keeps them, the DSL says so. */
    private static Catalog withArchived(Catalog catalog, Random random) {
        List<Product> products = new ArrayList<>();
        for (Product product : catalog.products()) {
            products.add(Catalogs.chance(random, 0.2) ? product.archived() : product);
        }
        return new Catalog(catalog.features(), products);
    }

    @Provide
    Arbitrary<Edit> edits() {
        return Arbitraries.randomValue(random -> {
            Catalog catalog = Catalogs.catalog(random);
            while (catalog.products().isEmpty()) {
                catalog = Catalogs.catalog(random);
            }
            List<Product> products = catalog.products();
            Product product = products.get(random.nextInt(products.size()));
            List<EditedField> fields = new ArrayList<>(List.of(EditedField.NAME, EditedField.DESCRIPTION));
            if (!product.priceItems().isEmpty()) {
                fields.add(EditedField.PRICE);
            }
            return new Edit(catalog, product.id(), Catalogs.pick(random, fields), random.nextLong());
        });
    }

    /** A field of a product that one step of the DSL changes, and its path in the plan. */
    enum EditedField {
        NAME("name", (product, random) -> product.name(product.name() + " v" + (1 + random.nextInt(9)))),
        DESCRIPTION(
                "description",
                (product, random) -> product.description(
                        product.description() == null ? "Now described" : product.description() + " (edited)")),
        PRICE("price.amount", (product, random) -> {
            List<Item> items = new ArrayList<>();
            for (Item item : product.items()) {
                if (item instanceof PriceItem) {
                    PriceItem price = (PriceItem) item;
                    item = new PriceItem(price.amount().add(new BigDecimal("1.25")), price.billing());
                }
                items.add(item);
            }
            return withItems(product, items);
        });

        final String path;
        final Editor editor;

        EditedField(String path, Editor editor) {
            this.path = path;
            this.editor = editor;
        }
    }

    @FunctionalInterface
    interface Editor {
        Product edit(Product product, Random random);
    }

    /** {@code product} with {@code items} instead of its own, written with the DSL's steps. */
    private static Product withItems(Product product, List<Item> items) {
        Product copy = Autumn.product(product.id()).name(product.name()).description(product.description());
        copy = product.group() == null ? copy : copy.group(product.group());
        copy = product.isAddOn() ? copy.addOn() : copy;
        copy = product.isDefault() ? copy.defaultProduct() : copy;
        copy = product.freeTrial() == null ? copy : copy.freeTrial(product.freeTrial());
        return copy.items(items.toArray(new Item[0]));
    }

    static final class Edit {
        final Catalog catalog;
        final String productId;
        final EditedField field;
        final long seed;

        Edit(Catalog catalog, String productId, EditedField field, long seed) {
            this.catalog = catalog;
            this.productId = productId;
            this.field = field;
            this.seed = seed;
        }

        Catalog apply() {
            Random random = new Random(seed);
            Function<Product, Product> edit =
                    product -> product.id().equals(productId) ? field.editor.edit(product, random) : product;
            List<Product> products = new ArrayList<>();
            catalog.products().forEach(product -> products.add(edit.apply(product)));
            return new Catalog(catalog.features(), products);
        }

        @Override
        public String toString() {
            return field + " of " + productId + " in " + catalog;
        }
    }
}

package dev.autumncatalog.engine.pull;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.engine.autumn.RemoteCatalog;
import dev.autumncatalog.engine.autumn.RemoteFeature;
import dev.autumncatalog.engine.autumn.RemotePlan;
import dev.autumncatalog.engine.autumn.WireMapper;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.plan.PlanOptions;
import dev.autumncatalog.engine.plan.Planner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Pull is total (issue 13): for a catalog Autumn accepts, given as the raw 2.x JSON {@code features.list} and {@code
 * plans.list} answer it, pull writes source that compiles, {@code validate} finds nothing but the values pull marked
 * (values Autumn holds that a protective rule refuses: negative base and usage prices, negative credit costs), and
 * planning that source against the same answers is empty, without warnings.
 *
 * <p>The generator builds <em>remote</em> catalogs, not catalogs from the DSL: the shapes {@code atmn} pushes and the
 * server stores, with the server's own fields ({@code display}, {@code entitlement_id}, {@code price_id}, {@code
 * version}, {@code created_at}) and the equivalent spellings it stores for one meaning: {@code included} 0 or absent,
 * a consumable grant's {@code reset} absent, {@code null} or {@code one_off}, an unlimited item's reset {@code month}
 * or {@code one_off}, {@code interval_count} 1 or absent, {@code description}/{@code group} {@code ""} or {@code null},
 * a priced item's reset equal to its billing or absent, credit-schema {@code billing_units: 1}, items in any order.
 * Also the shapes the validator used to refuse: zero grants, a grant beside a prepaid pack of one feature and reset,
 * unlimited with a reset, a boolean per seat, a card-less trial on a free plan, event names, archived features and
 * plans, pooled items and rollovers on unpriced grants. Every field the recordings show the server storing for
 * features, plans and items is covered, except what the DSL cannot say (tiers are covered by the DSL-made property).
 */
class RemoteJsonPullPropertyTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final PlanOptions OPTIONS = PlanOptions.defaults("fake", false);
    private static final int TRIES = 40;

    @Property(tries = TRIES)
    void remoteJsonCatalog_pullsToSourceThatCompilesValidatesAndPlansEmpty(@ForAll("batches") List<Long> seeds) {
        Path work = temporaryDirectory();
        try {
            Map<String, String> sources = new LinkedHashMap<>();
            List<RemoteCatalog> remotes = new ArrayList<>();
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < seeds.size(); i++) {
                Random random = new Random(seeds.get(i));
                ObjectNode features = NODES.objectNode();
                ObjectNode plans = NODES.objectNode();
                generate(random, features.putArray("list"), plans.putArray("list"));
                answers.add(features + "\n" + plans);
                RemoteCatalog remote = read(features, plans);
                for (RemoteFeature feature : remote.features()) {
                    assertThat(feature.unsupported())
                            .as("%s%n%s", feature.id(), answers.get(i))
                            .isEmpty();
                }
                for (RemotePlan plan : remote.plans()) {
                    assertThat(plan.unsupported())
                            .as("%s%n%s", plan.id(), answers.get(i))
                            .isEmpty();
                }
                remotes.add(remote);
                sources.putAll(PulledSourceCompiler.sources(
                        CatalogSourceWriter.write(remote, new PullOptions("remotejson", "Pulled" + i, true))));
            }
            ClassLoader loader = PulledSourceCompiler.compile(sources, work);
            for (int i = 0; i < remotes.size(); i++) {
                Catalog pulled = PulledSourceCompiler.define(loader, "remotejson.Pulled" + i);
                String context = answers.get(i) + "\npulled as:\n" + sources.get("remotejson/Pulled" + i + ".java");
                // Values Autumn holds that a protective rule refuses (negative prices and credit costs) are marked, and
                // validate reports those and nothing else.
                PullMarkers.assertValidateReportsExactlyTheMarkers(
                        sources.get("remotejson/Pulled" + i + ".java"), pulled, context);
                Plan plan = new Planner().plan(pulled, remotes.get(i), OPTIONS);
                assertThat(plan.changes()).as(context).isEmpty();
                assertThat(plan.warnings()).as(context).isEmpty();
            }
        } finally {
            delete(work);
        }
    }

    @Provide
    Arbitrary<List<Long>> batches() {
        int batch = Math.max(1, Integer.getInteger("jqwik.tries.default", 1000) / TRIES / 5);
        return Arbitraries.longs().list().ofSize(batch);
    }

    private static RemoteCatalog read(JsonNode featureList, JsonNode planList) {
        List<RemoteFeature> features = WireMapper.features(featureList);
        Map<String, dev.autumncatalog.dsl.Feature> lookup = WireMapper.remoteLookup(features);
        List<RemotePlan> plans = new ArrayList<>();
        for (JsonNode plan : planList.get("list")) {
            plans.add(WireMapper.plan(plan, lookup));
        }
        return new RemoteCatalog(features, plans);
    }

    // ------------------------------------------------------------------ the generator

    /** Feature ids by kind, as generated. */
    private record Features(List<String> consumable, List<String> continuous, List<String> booleans) {}

    private static void generate(Random random, ArrayNode featureList, ArrayNode planList) {
        List<String> consumable = new ArrayList<>();
        List<String> continuous = new ArrayList<>();
        List<String> booleans = new ArrayList<>();
        int metered = 1 + random.nextInt(3);
        for (int i = 0; i < metered; i++) {
            String id = "calls_" + i;
            consumable.add(id);
            featureList.add(feature(random, id, "metered", true));
        }
        for (int i = 0; i < 1 + random.nextInt(2); i++) {
            String id = "seats_" + i;
            continuous.add(id);
            featureList.add(feature(random, id, "metered", false));
        }
        for (int i = 0; i < random.nextInt(3); i++) {
            String id = "flag_" + i;
            booleans.add(id);
            featureList.add(feature(random, id, "boolean", random.nextBoolean()));
        }
        if (random.nextBoolean()) {
            ObjectNode credits = feature(random, "credits", "credit_system", true);
            ArrayNode schema = credits.putArray("credit_schema");
            List<String> targets = new ArrayList<>(consumable);
            Collections.shuffle(targets, random);
            for (String target : targets.subList(0, 1 + random.nextInt(targets.size()))) {
                ObjectNode entry = schema.addObject();
                entry.put("metered_feature_id", target);
                entry.put("credit_cost", amount(random, "0", "1", "2.5", "0.0001", "10", "-1"));
                if (random.nextBoolean()) {
                    entry.put("billing_units", 1); // what newer servers answer for every 2.3.0 cost (api-2.4.md)
                }
            }
            consumable.add("credits");
            featureList.add(credits);
        }
        shuffle(random, featureList);
        Features features = new Features(consumable, continuous, booleans);
        Set<String> defaultGroups = new HashSet<>();
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
            planList.add(plan(random, "plan_" + i, features, defaultGroups));
        }
    }

    private static ObjectNode feature(Random random, String id, String type, boolean consumable) {
        ObjectNode node = NODES.objectNode();
        node.put("id", id);
        node.put("name", random.nextInt(6) == 0 ? "  " : "Feature " + id); // a name of spaces is stored as sent
        node.put("type", type);
        node.put("consumable", consumable);
        ArrayNode events = node.putArray("event_names");
        for (int i = random.nextInt(4) - 1; i > 0; i--) {
            events.add(id + ".event" + i);
        }
        node.put("archived", random.nextInt(4) == 0);
        if (random.nextBoolean()) {
            node.putObject("display").put("singular", id).put("plural", id + "s");
        }
        return node;
    }

    private static ObjectNode plan(Random random, String id, Features features, Set<String> defaultGroups) {
        ObjectNode plan = NODES.objectNode();
        plan.put("id", id);
        plan.put("name", "Plan " + id);
        text(random, plan, "description", "For teams");
        String group = random.nextInt(3) == 0 ? "main" : null;
        if (group == null && random.nextBoolean()) {
            plan.put("group", "");
        } else if (group == null) {
            plan.putNull("group");
        } else {
            plan.put("group", group);
        }
        plan.put("version", 1 + random.nextInt(3));
        plan.put("add_on", random.nextInt(4) == 0);
        plan.put("archived", random.nextInt(4) == 0);
        plan.put("created_at", 1_700_000_000_000L + random.nextInt(1000));
        plan.put("env", "sandbox");
        ArrayNode items = plan.putArray("items");
        Set<String> keys = new HashSet<>();
        boolean priced = false;
        String billing = null;
        if (random.nextBoolean()) {
            billing = random.nextInt(4) == 0 ? "year" : "month";
            ObjectNode price = plan.putObject("price");
            price.put("amount", amount(random, "0", "9.99", "20", "49", "-5"));
            interval(random, price, billing);
            price.putObject("display").put("primary_text", "$20");
            priced = true;
        } else {
            plan.putNull("price");
        }
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            ObjectNode item = item(random, features, keys, billing == null ? "month" : billing);
            if (item != null) {
                priced |= item.has("price") && !item.get("price").isNull();
                items.add(item);
            }
        }
        // The shape: a free monthly grant beside a prepaid monthly pack of the same feature.
        if (random.nextInt(3) == 0
                && keys.add("calls_0|month|null|unpriced")
                && keys.add("calls_0|month|null|prepaid")) {
            ObjectNode grant = items.addObject();
            grant.put("feature_id", "calls_0");
            grant.put("included", 100);
            grant.putObject("reset").put("interval", "month");
            ObjectNode pack = items.addObject();
            pack.put("feature_id", "calls_0");
            pack.put("included", 0);
            pack.putObject("reset").put("interval", "month");
            ObjectNode price = pack.putObject("price");
            price.put("amount", 5);
            price.put("interval", "month");
            price.put("billing_units", 1000);
            price.put("billing_method", "prepaid");
            priced = true;
        }
        shuffle(random, items); // the real server answers in its own order
        String slot = group == null ? "" : group;
        if (random.nextInt(3) == 0) {
            ObjectNode trial = plan.putObject("free_trial");
            trial.put("duration_length", 7 + random.nextInt(20));
            trial.put("duration_type", random.nextBoolean() ? "day" : "month");
            // Autumn keeps card_required false on a free plan and forces it false when true was sent (audit TR3).
            boolean oneOffOnly = priced && billing == null;
            if (oneOffOnly) {
                plan.remove("free_trial");
            } else {
                trial.put("card_required", priced && random.nextBoolean());
            }
        }
        boolean free = !priced;
        JsonNode trial = plan.get("free_trial");
        boolean cardless = trial != null && !trial.get("card_required").asBoolean();
        boolean archived = plan.get("archived").asBoolean();
        if (!archived
                && (free || cardless)
                && random.nextBoolean()
                && defaultGroups.add(slot + (free ? "|free" : "|trial"))) {
            plan.put("auto_enable", true);
        } else {
            plan.put("auto_enable", false);
        }
        if (random.nextInt(3) == 0) {
            // the defaults every answer holds, and nothing else: kept content would be a (right) warning
            plan.putObject("config").put("ignore_past_due", false);
        }
        return plan;
    }

    /** One item Autumn accepts next to the ones already in {@code keys}, or {@code null} when the pick would clash. */
    private static ObjectNode item(Random random, Features features, Set<String> keys, String billing) {
        ObjectNode item = NODES.objectNode();
        int kind = random.nextInt(7);
        String entity = random.nextInt(4) == 0 ? pickOf(random, features.continuous()) : null;
        String key;
        switch (kind) {
            case 0: // consumable grant: every spelling of included and reset the server stores
            {
                String feature = pickOf(random, features.consumable());
                item.put("feature_id", feature);
                long included = random.nextBoolean() ? 0 : 1 + random.nextInt(10_000);
                if (included != 0 || random.nextBoolean()) {
                    item.put("included", included);
                }
                String reset = pick(random, "month", "one_off", "none", "null", "day");
                if (reset.equals("null")) {
                    item.putNull("reset");
                } else if (!reset.equals("none")) {
                    interval(random, item.putObject("reset"), reset);
                }
                if (random.nextInt(4) == 0 && (reset.equals("month") || reset.equals("day"))) {
                    ObjectNode rollover = item.putObject("rollover");
                    rollover.put("max", 1 + random.nextInt(100));
                    rollover.putNull("max_percentage");
                    rollover.put("expiry_duration_type", "month");
                    rollover.put("expiry_duration_length", 1 + random.nextInt(3));
                }
                String stored = reset.equals("none") || reset.equals("null") ? "one_off" : reset;
                key = feature + "|" + stored + "|" + entity + "|unpriced";
                break;
            }
            case 1: // unlimited consumable, with the reset atmn sends or the one_off the server fills in
            {
                String feature = pickOf(random, features.consumable());
                item.put("feature_id", feature);
                item.put("included", 0);
                item.put("unlimited", true);
                String reset = random.nextBoolean() ? "month" : "one_off";
                interval(random, item.putObject("reset"), reset);
                // Autumn keys it on the reset it stores, the DSL on none (one-off): clash with neither.
                if (!keys.add(feature + "|" + reset + "|" + entity + "|unpriced")) {
                    return null;
                }
                key = feature + "|one_off|" + entity + "|unpriced";
                break;
            }
            case 2: // continuous grant
            {
                String feature = pickOf(random, features.continuous());
                item.put("feature_id", feature);
                item.put("included", random.nextInt(20));
                item.putNull("reset");
                entity = null;
                key = feature + "|none|null|unpriced";
                break;
            }
            case 3: // boolean, per seat or not
            {
                if (features.booleans().isEmpty()) {
                    return null;
                }
                String feature = pickOf(random, features.booleans());
                item.put("feature_id", feature);
                if (random.nextBoolean()) {
                    item.put("included", 0);
                    item.put("unlimited", false);
                    item.putNull("reset");
                }
                key = feature + "|none|" + entity + "|unpriced";
                break;
            }
            case 4: // prepaid pack of a consumable, reset same as billing (spelled or not) or its own
            {
                String feature = pickOf(random, features.consumable());
                item.put("feature_id", feature);
                item.put("included", random.nextInt(3) * 100);
                String priceInterval = random.nextBoolean() ? billing : "one_off";
                String reset = random.nextBoolean() ? priceInterval : "month";
                if (random.nextBoolean() || !reset.equals(priceInterval)) {
                    interval(random, item.putObject("reset"), reset);
                }
                price(random, item.putObject("price"), priceInterval, "prepaid");
                key = feature + "|" + reset + "|" + entity + "|prepaid";
                break;
            }
            case 5: // pay-per-use of a consumable: resets with its billing
            {
                String feature = pickOf(random, features.consumable());
                item.put("feature_id", feature);
                item.put("included", random.nextInt(3) * 100);
                if (random.nextBoolean()) {
                    interval(random, item.putObject("reset"), billing);
                }
                price(random, item.putObject("price"), billing, "usage_based");
                key = feature + "|" + billing + "|" + entity + "|usage";
                break;
            }
            default: // prepaid seats
            {
                String feature = pickOf(random, features.continuous());
                item.put("feature_id", feature);
                item.put("included", random.nextInt(5));
                price(random, item.putObject("price"), billing, "prepaid");
                entity = null;
                key = feature + "|none|null|prepaid";
                break;
            }
        }
        if (!keys.add(key)) {
            return null;
        }
        if (entity != null) {
            item.put("entity_feature_id", entity);
            if (kind == 0 && random.nextBoolean()) {
                item.put("pooled", true);
            }
        }
        if (!item.has("pooled")) {
            item.put("pooled", false);
        }
        if (!item.has("unlimited") && random.nextBoolean()) {
            item.put("unlimited", false);
        }
        item.putObject("display").put("primary_text", "x");
        item.put("entitlement_id", "ent_" + random.nextInt(1000));
        if (item.has("price")) {
            item.put("price_id", "price_" + random.nextInt(1000));
        }
        if (!item.has("price")) {
            item.putNull("price");
        }
        return item;
    }

    private static void price(Random random, ObjectNode price, String interval, String method) {
        price.put("amount", amount(random, "0.01", "1", "5", "10", "0.000001", "-0.01"));
        interval(random, price, interval);
        price.put("billing_units", new long[] {1, 1, 100, 1000}[random.nextInt(4)]);
        price.put("billing_method", method);
        if (random.nextBoolean()) {
            price.putNull("max_purchase");
        } else if (method.equals("prepaid") && random.nextBoolean()) {
            price.put("max_purchase", 1 + random.nextInt(50));
        }
        if (random.nextBoolean()) {
            price.put("tier_behavior", "graduated"); // returned next to a plain amount
        }
    }

    /** {@code interval} and, as the server stores it sometimes, {@code interval_count: 1}. */
    private static void interval(Random random, ObjectNode node, String interval) {
        node.put("interval", interval);
        if (random.nextBoolean()) {
            node.put("interval_count", 1);
        }
    }

    private static void text(Random random, ObjectNode node, String field, String value) {
        switch (random.nextInt(3)) {
            case 0:
                node.putNull(field);
                break;
            case 1:
                node.put(field, "");
                break;
            default:
                node.put(field, value);
        }
    }

    private static void shuffle(Random random, ArrayNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        Collections.shuffle(nodes, random);
        array.removeAll();
        nodes.forEach(array::add);
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    private static java.math.BigDecimal amount(Random random, String... values) {
        return new java.math.BigDecimal(values[random.nextInt(values.length)]);
    }

    private static String pickOf(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("pull-remote-json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

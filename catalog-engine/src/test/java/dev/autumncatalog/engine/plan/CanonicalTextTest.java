package dev.autumncatalog.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.dsl.BillingMethod;
import dev.autumncatalog.dsl.BooleanFeature;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.CreditSystem;
import dev.autumncatalog.dsl.Cycle;
import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.FreeTrial;
import dev.autumncatalog.dsl.Interval;
import dev.autumncatalog.dsl.MeteredFeature;
import dev.autumncatalog.dsl.OnDecrease;
import dev.autumncatalog.dsl.OnIncrease;
import dev.autumncatalog.dsl.PerUnitPrice;
import dev.autumncatalog.dsl.PriceItem;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.dsl.Proration;
import dev.autumncatalog.dsl.Rollover;
import dev.autumncatalog.dsl.Tier;
import dev.autumncatalog.dsl.TierBehavior;
import dev.autumncatalog.dsl.TieredPrice;
import dev.autumncatalog.engine.autumn.RemoteCatalog;
import dev.autumncatalog.engine.autumn.RemoteFeature;
import dev.autumncatalog.engine.autumn.RemotePlan;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The fingerprints' text must change with every component of every record either catalog can hold, or a saved plan
 * would be applied after a change it did not review. The values are changed by reflection, one component at a time at
 * every depth, so a component added to a record later is changed here too, and fails until {@link CanonicalText}
 * writes it.
 */
class CanonicalTextTest {
    private static final Cycle MONTHLY = new Cycle(Interval.MONTH, 1);
    private static final MeteredFeature API =
            new MeteredFeature("api_calls", "API calls", true, List.of("api_call"), false);
    private static final MeteredFeature SEATS = new MeteredFeature("seats", "Seats", false, List.of(), false);
    private static final BooleanFeature SSO = new BooleanFeature("sso", "SSO", List.of("sso_login"), false);
    private static final CreditSystem CREDITS = new CreditSystem(
            "credits", "Credits", List.of(new CreditCost(API, new BigDecimal("0.5"))), List.of("credit_use"), false);

    /** Every record kind of the model, every nullable component set somewhere. */
    static final Catalog SAMPLE = new Catalog(
            List.of(API, SEATS, SSO, CREDITS),
            List.of(
                    new Product(
                            "pro",
                            "Pro",
                            "For teams",
                            "main",
                            false,
                            true,
                            false,
                            new FreeTrial(14, FreeTrial.Unit.DAY, true),
                            List.of(
                                    new PriceItem(new BigDecimal("20"), MONTHLY),
                                    new FeatureItem(
                                            API,
                                            1000,
                                            false,
                                            MONTHLY,
                                            SEATS,
                                            true,
                                            new Rollover(500L, new BigDecimal("50"), 1)),
                                    new FeatureItem(SSO, 0, false, null, null, false, null),
                                    new PricedFeatureItem(
                                            SEATS,
                                            3,
                                            new PerUnitPrice(new BigDecimal("10")),
                                            1,
                                            BillingMethod.PREPAID,
                                            MONTHLY,
                                            MONTHLY,
                                            50L,
                                            new Rollover(null, null, 2),
                                            new Proration(OnIncrease.PRORATE_IMMEDIATELY, OnDecrease.NONE),
                                            CREDITS,
                                            true),
                                    new PricedFeatureItem(
                                            CREDITS,
                                            0,
                                            new TieredPrice(
                                                    List.of(
                                                            new Tier(100L, new BigDecimal("0.02"), new BigDecimal("5")),
                                                            new Tier(null, new BigDecimal("0.01"), null)),
                                                    TierBehavior.GRADUATED),
                                            100,
                                            BillingMethod.PREPAID,
                                            MONTHLY,
                                            null,
                                            null,
                                            null,
                                            null,
                                            null,
                                            false))),
                    new Product("extra", "Extra", null, null, true, false, false, null, List.of())));

    static final RemoteCatalog REMOTE = new RemoteCatalog(
            List.of(
                    new RemoteFeature("api_calls", API, false, List.of("an unsupported line"), List.of("a kept line")),
                    new RemoteFeature("old", null, true, List.of(), List.of())),
            List.of(
                    new RemotePlan("pro", SAMPLE.products().get(0), false, 3, List.of("variants"), List.of("metadata")),
                    new RemotePlan("odd", null, true, 1, List.of(), List.of())));

    @Test
    void catalog_everyComponentChanged_changesTheText() {
        assertEveryComponentCounts(SAMPLE, Catalog.class, CanonicalText::of);
    }

    @Test
    void remoteCatalog_everyComponentChanged_changesTheText() {
        assertEveryComponentCounts(REMOTE, RemoteCatalog.class, CanonicalText::of);
    }

    @Test
    void equalValues_writeEqualText_sharedOrNot() {
        // Every record built anew: equal features are separate objects here, where the sample shares one per id.
        Catalog catalog = (Catalog) deepCopy(SAMPLE);
        RemoteCatalog remote = (RemoteCatalog) deepCopy(REMOTE);

        FeatureItem item = (FeatureItem) catalog.products().get(0).items().get(1);
        assertThat(item.feature())
                .isEqualTo(API)
                .isNotSameAs(API)
                .isNotSameAs(catalog.features().get(0));
        assertThat(catalog).isEqualTo(SAMPLE);
        assertThat(CanonicalText.of(catalog)).isEqualTo(CanonicalText.of(SAMPLE));
        assertThat(remote).isEqualTo(REMOTE);
        assertThat(CanonicalText.of(remote)).isEqualTo(CanonicalText.of(REMOTE));
    }

    @Test
    void sample_isWrittenExactly() {
        // Pins every separator: the reflective tests show each field counts, not that the text can be read back.
        assertThat(CanonicalText.of(SAMPLE)).isEqualTo(SAMPLE_TEXT);
        assertThat(CanonicalText.of(REMOTE)).isEqualTo(REMOTE_TEXT);
    }

    private static final String SAMPLE_TEXT = "C"
            + "4[M9:api_calls9:API callsT1[8:api_callFM5:seats5:SeatsF0[FB3:sso3:SSO1[9:sso_loginFS7:credits7:Credits1[kM9:api_calls9:API callsT1[8:api_callF3:0.51[10:credit_useF"
            + "2[p3:pro3:Pro9:For teams4:mainFTFf14,3:DAYT5[" + "P2:20c5:MONTH1,"
            + "I@0,1000,Fc5:MONTH1,@1,Tr500,2:501," + "I@2,0,F~~F~"
            + "Q@1,3,U2:101,7:PREPAIDc5:MONTH1,c5:MONTH1,50,r~~2,o19:PRORATE_IMMEDIATELY4:NONE@3,T"
            + "Q@3,0,T2[t100,4:0.021:5t~4:0.01~9:GRADUATED100,7:PREPAIDc5:MONTH1,~~~~~F" + "p5:extra5:Extra~~TFF~0["
            + "4[M9:api_calls9:API callsT1[8:api_callFM5:seats5:SeatsF0[FB3:sso3:SSO1[9:sso_loginFS7:credits7:Credits1[kM9:api_calls9:API callsT1[8:api_callF3:0.51[10:credit_useF";
    private static final String REMOTE_TEXT =
            "R2[F9:api_callsM9:api_calls9:API callsT1[8:api_callFF1[19:an unsupported line1[11:a kept line"
                    + "F3:old~T0[0[" + "2[L3:prop3:pro3:Pro9:For teams4:mainFTFf14,3:DAYT5[" + "P2:20c5:MONTH1,"
                    + "I@0,1000,Fc5:MONTH1,@1,Tr500,2:501," + "I@2,0,F~~F~"
                    + "Q@1,3,U2:101,7:PREPAIDc5:MONTH1,c5:MONTH1,50,r~~2,o19:PRORATE_IMMEDIATELY4:NONE@3,T"
                    + "Q@3,0,T2[t100,4:0.021:5t~4:0.01~9:GRADUATED100,7:PREPAIDc5:MONTH1,~~~~~FF3,1[8:variants1[8:metadata"
                    + "L3:odd~T1,0[0["
                    + "4[M9:api_calls9:API callsT1[8:api_callFM5:seats5:SeatsF0[FB3:sso3:SSO1[9:sso_loginFS7:credits7:Credits1[kM9:api_calls9:API callsT1[8:api_callF3:0.51[10:credit_useF";

    private static Object deepCopy(Object value) {
        if (value instanceof Record) {
            Record record = (Record) value;
            RecordComponent[] components = record.getClass().getRecordComponents();
            Object copy = record;
            for (int i = 0; i < components.length; i++) {
                copy = rebuild((Record) copy, i, deepCopy(read(record, components[i])));
            }
            return copy;
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<>();
            for (Object element : (List<?>) value) {
                copy.add(deepCopy(element));
            }
            return copy;
        }
        return value;
    }

    @Test
    void text_isCompact_andKeepsTheValuesReadable() {
        // What a developer sees when debugging a stale plan: tags, lengths, values, in declaration order.
        Catalog one = new Catalog(
                List.of(API),
                List.of(new Product(
                        "pro",
                        "Pro",
                        null,
                        null,
                        false,
                        false,
                        false,
                        null,
                        List.of(
                                new PriceItem(new BigDecimal("20"), MONTHLY),
                                new FeatureItem(API, 1000, false, MONTHLY, null, false, null)))));

        // Items name their feature by its number in the table at the end (@0), which holds each distinct one in full.
        assertThat(CanonicalText.of(one))
                .isEqualTo("C1[M9:api_calls9:API callsT1[8:api_callF"
                        + "1[p3:pro3:Pro~~FFF~2[P2:20c5:MONTH1,I@0,1000,Fc5:MONTH1,~F~"
                        + "1[M9:api_calls9:API callsT1[8:api_callF");
    }

    @Test
    void stringBoundaries_areNotAmbiguous() {
        // "ab" + "c" and "a" + "bc" must not write the same text.
        Product left = new Product("p", "ab", "c", null, false, false, false, null, List.of());
        Product right = new Product("p", "a", "bc", null, false, false, false, null, List.of());

        assertThat(CanonicalText.of(new Catalog(List.of(), List.of(left))))
                .isNotEqualTo(CanonicalText.of(new Catalog(List.of(), List.of(right))));
    }

    private static <T> void assertEveryComponentCounts(T sample, Class<T> root, Function<T, String> text) {
        String original = text.apply(sample);
        List<Variant> variants = variants(sample);
        List<String> unchanged = new ArrayList<>();
        Set<String> changed = new TreeSet<>();
        for (Variant variant : variants) {
            @SuppressWarnings("unchecked")
            T value = (T) variant.value();
            if (text.apply(value).equals(original)) {
                unchanged.add(variant.component());
            }
            changed.addAll(List.of(variant.component().split(" > ")));
        }

        assertThat(unchanged)
                .as("components whose change leaves the text as it was")
                .isEmpty();
        assertThat(changed)
                .as("components of %s the sample cannot change (give them a value in the sample)", root.getSimpleName())
                .containsAll(components(root));
    }

    /**
     * A value changed in exactly one place, and the path to it: {@code Record.component}s from the outside in, joined
     * by {@code " > "}.
     */
    private record Variant(Object value, String component) {}

    private static List<Variant> variants(Object value) {
        List<Variant> variants = new ArrayList<>();
        if (value instanceof Record) {
            Record record = (Record) value;
            RecordComponent[] components = record.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                Object part = read(record, components[i]);
                String name = record.getClass().getSimpleName() + "." + components[i].getName();
                for (Object changed : changes(part, components[i].getType())) {
                    add(variants, record, i, changed, name);
                }
                for (Variant inner : variants(part)) {
                    add(variants, record, i, inner.value(), name + " > " + inner.component());
                }
            }
        } else if (value instanceof List) {
            List<?> list = (List<?>) value;
            for (int j = 0; j < list.size(); j++) {
                for (Variant inner : variants(list.get(j))) {
                    List<Object> copy = new ArrayList<>(list);
                    copy.set(j, inner.value());
                    variants.add(new Variant(copy, inner.component()));
                }
            }
        }
        return variants;
    }

    private static void add(List<Variant> variants, Record record, int index, Object part, String component) {
        Record changed = rebuild(record, index, part);
        // A constructor may refuse the value, or normalise it back to the original: neither is a change.
        if (changed != null && !changed.equals(record)) {
            variants.add(new Variant(changed, component));
        }
    }

    /** Direct changes of a component's own value (not of what it holds). */
    private static List<Object> changes(Object value, Class<?> type) {
        List<Object> changes = new ArrayList<>();
        if (type == String.class) {
            changes.add(value == null ? "x" : value + "~");
        } else if (type == boolean.class || type == Boolean.class) {
            changes.add(!(Boolean) value);
        } else if (type == int.class || type == Integer.class) {
            changes.add(value == null ? 7 : (Integer) value + 1);
        } else if (type == long.class || type == Long.class) {
            changes.add(value == null ? 7L : (Long) value + 1);
        } else if (type == BigDecimal.class) {
            changes.add(value == null ? BigDecimal.ONE : ((BigDecimal) value).add(BigDecimal.ONE));
        } else if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            for (Object constant : constants) {
                if (constant != value) {
                    changes.add(constant);
                }
            }
            if (value != null) {
                changes.add(null);
            }
        } else if (type == List.class) {
            List<?> list = (List<?>) value;
            if (!list.isEmpty()) {
                changes.add(list.subList(0, list.size() - 1));
            }
        } else if (value != null) {
            changes.add(null); // a record or a sealed interface: absent instead of present
        }
        return changes;
    }

    private static Object read(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Record rebuild(Record record, int index, Object part) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = i == index ? part : read(record, components[i]);
        }
        try {
            Constructor<?> constructor = record.getClass().getDeclaredConstructor(types);
            return (Record) constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Every {@code Record.component} reachable from {@code root}: through lists and the kinds of sealed types. */
    private static Set<String> components(Class<?> root) {
        Set<String> found = new TreeSet<>();
        collect(root, found, new java.util.HashSet<>());
        return found;
    }

    private static void collect(Class<?> type, Set<String> found, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type.isSealed()) {
            for (Class<?> kind : type.getPermittedSubclasses()) {
                collect(kind, found, seen);
            }
        }
        if (!type.isRecord()) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            found.add(type.getSimpleName() + "." + component.getName());
            Type generic = component.getGenericType();
            if (generic instanceof ParameterizedType) {
                for (Type argument : ((ParameterizedType) generic).getActualTypeArguments()) {
                    if (argument instanceof Class) {
                        collect((Class<?>) argument, found, seen);
                    }
                }
            } else {
                collect(component.getType(), found, seen);
            }
        }
    }
}

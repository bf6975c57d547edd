package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.List;

/**
 * Autumn's request schemas, read off the model's records: each component's type and annotations say what the zod
 * schema on the real server checks, so a request object is validated (every problem collected, in component order,
 * worded like zod) and then bound by Jackson without a line per field. A new Autumn field is one annotated component.
 */
final class Schema {
    private Schema() {}

    /** The request must carry it. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    @interface Required {}

    /** JSON {@code null} is accepted and means "none" (else {@code null} is a type error). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    @interface Nullable {}

    /** A string from a closed set. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    @interface OneOf {
        Choice value();
    }

    /** A number, or the string {@code "inf"} (read as {@code null}). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    @interface NumberOrInf {}

    /** Set by the sandbox, never read from a request (generated ids). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    @interface ServerSet {}

    /** The closed sets Autumn's schemas use. */
    enum Choice {
        PRICE_INTERVAL("one_off", "week", "month", "quarter", "semi_annual", "year"),
        RESET_INTERVAL("one_off", "minute", "hour", "day", "week", "month", "quarter", "semi_annual", "year"),
        BILLING_METHOD("prepaid", "usage_based"),
        TIER_BEHAVIOR("graduated", "volume"),
        TRIAL_DURATION("day", "month", "year"),
        ROLLOVER_DURATION("month", "forever");

        final List<String> values;

        Choice(String... values) {
            this.values = List.of(values);
        }
    }

    /**
     * Validates {@code node} against {@code type} (issues go to {@code in}, paths under {@code prefix}) and binds it;
     * {@code null} when this object had problems.
     */
    static <R extends Record> R read(Inputs in, ObjectNode node, String prefix, Class<R> type) {
        int mark = in.mark();
        check(in, node, prefix, type);
        if (!in.cleanSince(mark)) {
            return null;
        }
        try {
            return Json.WIRE.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("validated " + type.getSimpleName() + " did not bind: " + e, e);
        }
    }

    private static void check(Inputs in, ObjectNode node, String prefix, Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(ServerSet.class)) {
                continue;
            }
            field(in, node, prefix, snakeCase(component.getName()), component);
        }
    }

    private static void field(Inputs in, ObjectNode node, String prefix, String name, RecordComponent component) {
        Class<?> type = component.getType();
        boolean required = component.isAnnotationPresent(Required.class);
        boolean nullable = component.isAnnotationPresent(Nullable.class);
        OneOf oneOf = component.getAnnotation(OneOf.class);
        if (component.isAnnotationPresent(NumberOrInf.class)) {
            JsonNode value = node.get(name);
            boolean inf = value != null && value.isTextual() && "inf".equals(value.textValue());
            if (!inf && (value == null || !value.isNumber())) {
                in.issue(
                        Inputs.path(prefix, name),
                        "must be a number or \"inf\" (received " + Inputs.received(value) + ")");
            }
        } else if (oneOf != null) {
            if (required) {
                in.requiredEnum(node, prefix, name, oneOf.value().values);
            } else {
                in.optionalEnum(node, prefix, name, oneOf.value().values);
            }
        } else if (type == String.class) {
            if (required) {
                in.requiredString(node, prefix, name);
            } else {
                in.optionalString(node, prefix, name, nullable);
            }
        } else if (type == BigDecimal.class || type == Integer.class) {
            if (required) {
                in.requiredNumber(node, prefix, name);
            } else {
                in.optionalNumber(node, prefix, name, nullable);
            }
        } else if (type == Boolean.class) {
            in.optionalBoolean(node, prefix, name);
        } else if (type == ObjectNode.class) {
            in.optionalObject(node, prefix, name, nullable);
        } else if (type == List.class) {
            ArrayNode array = in.optionalArray(node, prefix, name);
            Class<?> element = elementType(component);
            if (array != null && element.isRecord()) {
                for (int i = 0; i < array.size(); i++) {
                    String path = Inputs.path(prefix, name) + "." + i;
                    JsonNode entry = array.get(i);
                    if (!entry.isObject()) {
                        in.issue(path, "must be an object (received " + Inputs.received(entry) + ")");
                    } else {
                        check(in, (ObjectNode) entry, path, element);
                    }
                }
            }
        } else if (type.isRecord()) {
            ObjectNode nested = in.optionalObject(node, prefix, name, nullable);
            if (nested != null) {
                check(in, nested, Inputs.path(prefix, name), type);
            }
        } else {
            throw new IllegalStateException("no schema rule for " + type + " (" + component + ")");
        }
    }

    private static Class<?> elementType(RecordComponent component) {
        if (component.getGenericType() instanceof ParameterizedType) {
            ParameterizedType generic = (ParameterizedType) component.getGenericType();
            if (generic.getActualTypeArguments()[0] instanceof Class) {
                return (Class<?>) generic.getActualTypeArguments()[0];
            }
        }
        return Object.class;
    }

    static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

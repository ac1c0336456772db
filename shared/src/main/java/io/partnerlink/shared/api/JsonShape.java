package io.partnerlink.shared.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.partnerlink.shared.problem.FieldError;

import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks a parsed JSON tree against the shape of an introspected request record before Serde binds it, because
 * Serde coerces where an untrusted request must be refused ({@code 1.7} becomes quantity 1, {@code true} becomes 1,
 * a number becomes a string) and its type errors do not say which field they are about. Every mismatch and every
 * unknown field is reported with its path ({@code certificates[0].quantity}); nulls are left to the Jakarta
 * constraints. Uses the records' compile-time introspection (no reflection).
 */
final class JsonShape {

    private JsonShape() {
    }

    static List<FieldError> check(JsonNode node, Argument<?> type) {
        List<FieldError> errors = new ArrayList<>();
        if (node == null || !node.isObject()) {
            errors.add(new FieldError("body", "must be a JSON object"));
        } else {
            check(node, type, "", errors);
        }
        return errors;
    }

    private static void check(JsonNode node, Argument<?> type, String path, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return;
        }
        Class<?> c = type.getType();
        if (CharSequence.class.isAssignableFrom(c) || c == UUID.class || c.isEnum() || Temporal.class.isAssignableFrom(c)) {
            expect(node.isString(), path, "must be a string", errors);
        } else if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
            expect(node.isNumber() && isWhole(node, c), path, "must be a whole number", errors);
        } else if (Number.class.isAssignableFrom(c) || c == double.class || c == float.class) {
            expect(node.isNumber(), path, "must be a number", errors);
        } else if (c == Boolean.class || c == boolean.class) {
            expect(node.isBoolean(), path, "must be true or false", errors);
        } else if (Collection.class.isAssignableFrom(c)) {
            if (expect(node.isArray(), path, "must be an array", errors)) {
                Argument<?> element = type.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT);
                for (int i = 0; i < node.size(); i++) {
                    check(node.get(i), element, path + "[" + i + "]", errors);
                }
            }
        } else if (Map.class.isAssignableFrom(c)) {
            expect(node.isObject(), path, "must be an object", errors);
        } else {
            Optional<? extends BeanIntrospection<?>> introspection = BeanIntrospector.SHARED.findIntrospection(c);
            if (introspection.isPresent() && expect(node.isObject(), path, "must be an object", errors)) {
                checkObject(node, introspection.get(), path, errors);
            }
        }
    }

    private static void checkObject(JsonNode node, BeanIntrospection<?> introspection, String path, List<FieldError> errors) {
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            String field = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
            Optional<? extends BeanProperty<?, ?>> property = introspection.getBeanProperties().stream()
                    .filter(p -> jsonName(p).equals(entry.getKey())).findFirst();
            if (property.isEmpty()) {
                errors.add(new FieldError(field, "is not a known field"));
            } else {
                check(entry.getValue(), property.get().asArgument(), field, errors);
            }
        }
    }

    private static String jsonName(BeanProperty<?, ?> property) {
        return property.stringValue(JsonProperty.class).filter(s -> !s.isEmpty()).orElse(property.getName());
    }

    private static boolean isWhole(JsonNode node, Class<?> type) {
        try {
            long whole = new BigDecimal(node.getNumberValue().toString()).longValueExact();
            return type == Long.class || type == long.class || (whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE);
        } catch (ArithmeticException | NumberFormatException notWhole) {
            return false;
        }
    }

    private static boolean expect(boolean ok, String path, String message, List<FieldError> errors) {
        if (!ok) {
            errors.add(new FieldError(path.isEmpty() ? "body" : path, message));
        }
        return ok;
    }
}

package io.partnerlink.shared.api;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.partnerlink.shared.problem.FieldError;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds which field of a JSON body does not fit the request record: an unknown field, or a value of the wrong
 * JSON type. Checked before Serde binds the body, because Serde's messages do not name the property and Serde
 * quietly coerces {@code 42} or {@code true} into a string, which for an untrusted body means a different request.
 * Walks the JSON tree against the record's compile-time introspection (no reflection).
 */
final class JsonShape {

    private JsonShape() {
    }

    static Optional<FieldError> firstMismatch(JsonNode node, Argument<?> type, String path) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        Class<?> raw = type.getType();
        if (CharSequence.class.isAssignableFrom(raw) || raw == UUID.class || raw.isEnum() || Temporal.class.isAssignableFrom(raw)) {
            return node.isString() ? Optional.empty() : mismatch(path, "must be a string");
        }
        if (Number.class.isAssignableFrom(raw) || (raw.isPrimitive() && raw != boolean.class)) {
            return node.isNumber() ? Optional.empty() : mismatch(path, "must be a number");
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return node.isBoolean() ? Optional.empty() : mismatch(path, "must be true or false");
        }
        if (Collection.class.isAssignableFrom(raw)) {
            if (!node.isArray()) {
                return mismatch(path, "must be an array");
            }
            Argument<?> element = type.getTypeParameters().length > 0 ? type.getTypeParameters()[0] : Argument.OBJECT_ARGUMENT;
            int i = 0;
            for (JsonNode item : node.values()) {
                Optional<FieldError> inner = firstMismatch(item, element, path + "[" + i++ + "]");
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        if (Map.class.isAssignableFrom(raw)) {
            return node.isObject() ? Optional.empty() : mismatch(path, "must be an object");
        }
        Optional<? extends BeanIntrospection<?>> bean = BeanIntrospector.SHARED.findIntrospection(raw);
        if (bean.isEmpty()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            return mismatch(path, "must be an object");
        }
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            String field = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
            Optional<? extends BeanProperty<?, Object>> property = bean.get().getProperty(entry.getKey());
            if (property.isEmpty()) {
                return mismatch(field, "is not a known field");
            }
            Optional<FieldError> inner = firstMismatch(entry.getValue(), property.get().asArgument(), field);
            if (inner.isPresent()) {
                return inner;
            }
        }
        return Optional.empty();
    }

    private static Optional<FieldError> mismatch(String path, String message) {
        return Optional.of(new FieldError(path.isEmpty() ? "body" : path, message));
    }
}

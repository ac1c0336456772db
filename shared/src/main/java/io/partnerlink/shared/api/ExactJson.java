package io.partnerlink.shared.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request body as a JSON tree whose numbers are exactly the digits sent: every number is read from its text as a
 * {@link BigDecimal}, never through a {@code double} (Serde's tree reader makes {@code 1.0000000000000000001} the
 * whole number 1 and {@code 1e309} infinity). Strict as well: a key twice in one object, or anything after the one
 * JSON value, is refused. Hand-written because Jackson's own tree model is not Micronaut's {@link JsonNode}, which
 * the request records bind from.
 */
final class ExactJson {

    /** Jackson's own bound on a number's length is 1,000 characters; exponents get the same. */
    static final int MAX_EXPONENT = 1000;
    private static final JsonFactory STRICT = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private ExactJson() {
    }

    /** Why {@code text} is refused, as a problem field message. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    static JsonNode parse(String text) throws Refused {
        try (JsonParser parser = STRICT.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new Refused("is not valid JSON");
            }
            JsonNode tree = value(parser, first);
            if (parser.nextToken() != null) {
                throw new Refused("is not valid JSON");
            }
            return tree;
        } catch (StreamReadException e) {
            throw new Refused(e.getMessage() != null && e.getMessage().startsWith("Duplicate field")
                    ? "has the same key twice in one object" : "is not valid JSON");
        } catch (IOException | RuntimeException e) {
            throw new Refused("is not valid JSON");
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException, Refused {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, JsonNode> fields = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    fields.put(name, value(parser, parser.nextToken()));
                }
                yield JsonNode.createObjectNode(fields);
            }
            case START_ARRAY -> {
                List<JsonNode> items = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    items.add(value(parser, next));
                }
                yield JsonNode.createArrayNode(items);
            }
            case VALUE_STRING -> JsonNode.createStringNode(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> JsonNode.createNumberNode(number(parser.getText()));
            case VALUE_TRUE -> JsonNode.createBooleanNode(true);
            case VALUE_FALSE -> JsonNode.createBooleanNode(false);
            case VALUE_NULL -> JsonNode.nullNode();
            default -> throw new Refused("is not valid JSON");
        };
    }

    /**
     * The literal's exact value. An exponent beyond {@value #MAX_EXPONENT} either way ({@code 1e1000000},
     * {@code 1E+2147483648}) is refused: no field takes such a number, and arithmetic on it (a validator's
     * {@code precision() - scale()}, a conversion to a whole number) overflows or runs for long.
     */
    private static BigDecimal number(String literal) throws Refused {
        try {
            BigDecimal value = new BigDecimal(literal);
            if (Math.abs((long) value.scale()) > MAX_EXPONENT) {
                throw new Refused("has a number out of range");
            }
            return value;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new Refused("has a number out of range");
        }
    }
}

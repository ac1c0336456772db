package io.partnerlink.shared.api;

import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14: request numbers keep every digit sent, and are never read through a double. */
class ExactJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.0000000000000000001", "1100.0000000000000000001", "1e309", "-1e309", "1e1000", "1e-1000",
            "12.000000000000000000000000000000000000000001", "0.1", "123456789012345678901234567890"})
    void everyNumberKeepsTheDigitsSent(String literal) throws ExactJson.Refused {
        JsonNode tree = ExactJson.parse("{\"n\":" + literal + "}");
        assertEquals(0, new BigDecimal(literal).compareTo(tree.get("n").getBigDecimalValue()), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E+2147483648", "1e1000000", "-1e1000000", "1e-1001", "1E+2147483647", "1e-2147483648"})
    void anExponentBeyondAThousandIsRefused(String literal) {
        ExactJson.Refused refused = assertThrows(ExactJson.Refused.class, () -> ExactJson.parse("{\"period\":" + literal + "}"));
        assertEquals("has a number out of range", refused.getMessage());
    }

    @Test
    void aWholeNumberFieldRefusesAnyFraction() {
        assertTrue(JsonShape.check(tree("{\"whole\":12}"), io.micronaut.core.type.Argument.of(Numbers.class)).isEmpty());
        assertTrue(JsonShape.check(tree("{\"whole\":12.0}"), io.micronaut.core.type.Argument.of(Numbers.class)).isEmpty());
        for (String fraction : new String[]{"1.0000000000000000001", "12.5", "1e309", "1e-400", "3000000000", "1e19"}) {
            assertFalse(JsonShape.check(tree("{\"whole\":" + fraction + "}"), io.micronaut.core.type.Argument.of(Numbers.class)).isEmpty(), fraction);
        }
    }

    @Test
    void theTreeIsMicronautsWithStringsBooleansNullsAndNesting() throws ExactJson.Refused {
        JsonNode tree = ExactJson.parse("{\"s\":\"x\",\"b\":true,\"n\":null,\"a\":[1,{\"k\":false}]}");
        assertEquals("x", tree.get("s").getStringValue());
        assertTrue(tree.get("b").getBooleanValue());
        assertTrue(tree.get("n").isNull());
        assertFalse(tree.get("a").get(1).get("k").getBooleanValue());
    }

    private static JsonNode tree(String json) {
        try {
            return ExactJson.parse(json);
        } catch (ExactJson.Refused e) {
            throw new AssertionError(e);
        }
    }

    @io.micronaut.core.annotation.Introspected
    record Numbers(Integer whole) {
    }
}

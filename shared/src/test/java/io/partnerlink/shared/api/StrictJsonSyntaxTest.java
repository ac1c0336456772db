package io.partnerlink.shared.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What the tree parser would accept but a strict reader must not (found by the hostile-input properties of
 * issue 9): a key twice, where two readers of the same bytes may disagree on the value, and content after the value.
 */
class StrictJsonSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"a\":1}", "{\"a\":\"x\",\"b\":{\"c\":1,\"c\":2}}", "{\"l\":[{\"k\":1,\"k\":\"1\"}]}"})
    void aKeyTwiceInOneObjectIsRefused(String body) {
        assertEquals("has the same key twice in one object", JsonBodies.strictSyntaxError(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1} x", "{\"a\":1}}", "{\"a\":1}{}", "{\"a\":1},", "{\"a\":1} 1", "{\"a\":1} null", "{\"a\":", "{'a':1}"})
    void anythingButOneJsonValueIsRefused(String body) {
        assertEquals("is not valid JSON", JsonBodies.strictSyntaxError(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1}", " {\"a\":{\"a\":1}} \n", "[1,2]", "\"text\"", "{\"a\":[{\"k\":1},{\"k\":2}]}"})
    void strictJsonPasses(String body) {
        assertNull(JsonBodies.strictSyntaxError(body));
    }
}

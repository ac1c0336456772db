package io.partnerlink.giftorder;

import io.micronaut.json.tree.JsonNode;
import io.partnerlink.testsupport.HttpAnswer;

import java.util.ArrayList;
import java.util.List;

/** Small readers over JSON bodies for assertions. */
final class HttpAnswerJson {

    private HttpAnswerJson() {
    }

    static String field(String json, String name) {
        JsonNode value = HttpAnswer.tree(json).get(name);
        return value == null ? null : value.getStringValue();
    }

    /** The {@code field} of every entry of a problem's {@code errors}. */
    static List<String> errorFields(HttpAnswer answer) {
        List<String> fields = new ArrayList<>();
        JsonNode errors = answer.json().get("errors");
        if (errors != null) {
            errors.values().forEach(e -> fields.add(e.get("field").getStringValue()));
        }
        return fields;
    }
}

package io.partnerlink.local.jar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample-event table of infra/events/README.md, read as the test's expectations:
 * {@code | `event.json` | `FunctionLogicalId` | answer as is | answer signed now |}. An answer is either an HTTP
 * status with an optional problem type ({@code `401 signature-invalid`}: the handler's {@code statusCode}, and its
 * problem JSON's {@code type} ending in that name) or a JSON object whose fields the raw result must carry
 * ({@code `{"dryRun": true}`}); {@code -} where a column does not apply.
 */
record DocumentedAnswers(List<Row> rows) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern STATUS = Pattern.compile("(\\d{3})(?: ([a-z][a-z-]*))?");

    record Row(String event, String function, String asIs, String signed) {
    }

    static DocumentedAnswers read(Path readme) throws IOException {
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(readme)) {
            if (line.startsWith("| event | function |")) {
                inTable = true;
                continue;
            }
            if (!inTable || line.startsWith("|---")) {
                continue;
            }
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = line.split("\\|", -1);
            rows.add(new Row(code(cells[1]), code(cells[2]), code(cells[3]), code(cells[4])));
        }
        return new DocumentedAnswers(rows);
    }

    private static String code(String cell) {
        Matcher m = CODE.matcher(cell);
        return m.find() ? m.group(1) : null;
    }

    /** Fails unless {@code output} (the handler's raw result) is the documented {@code answer}. */
    static void check(String what, String answer, byte[] output) throws IOException {
        JsonNode result = JSON.readTree(output);
        Matcher status = STATUS.matcher(answer);
        if (status.matches()) {
            assertEquals(Integer.parseInt(status.group(1)), result.path("statusCode").asInt(), what + ": " + result);
            if (status.group(2) != null) {
                JsonNode problem = JSON.readTree(result.path("body").asText());
                assertTrue(problem.path("type").asText().endsWith("/" + status.group(2)), what + ": " + result);
            }
            return;
        }
        JsonNode expected = JSON.readTree(answer);
        assertTrue(expected.isObject() && !expected.isEmpty(), what + ": an answer is a status or a JSON object: " + answer);
        expected.fields().forEachRemaining(field ->
                assertEquals(field.getValue(), result.get(field.getKey()), what + " ." + field.getKey() + ": " + result));
    }
}

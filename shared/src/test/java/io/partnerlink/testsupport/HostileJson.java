package io.partnerlink.testsupport;

import io.micronaut.json.tree.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Generates request bodies that are invalid by construction (issue 9, item 5) from one valid body and the list of
 * its fields: wrong JSON types, huge strings, deep nesting, invalid UTF-8, duplicate keys, Unicode look-alikes in
 * keys and in constrained values, missing and extra fields, broken syntax. Every generated body carries at least
 * one defect that the function must refuse, so a property can assert the exact answer: a 400 problem.
 */
public final class HostileJson {

    /** The JSON type a field must have. */
    public enum Kind { STRING, INTEGER, NUMBER, BOOLEAN, OBJECT, ARRAY }

    /**
     * A field of the valid body: its path ({@code customer.email}, {@code certificates[0].id}), its kind, whether it
     * is required (null or absent is then a defect), the longest valid string in characters (strings only), and
     * whether a look-alike character in its valid value makes it invalid (UUIDs, digits, ASCII-only ids).
     */
    public record Field(String path, Kind kind, boolean required, int maxLength, boolean lookalikeBreaks) {

        public static Field required(String path, Kind kind) {
            return new Field(path, kind, true, 0, false);
        }

        public static Field optional(String path, Kind kind) {
            return new Field(path, kind, false, 0, false);
        }

        public static Field string(String path, boolean required, int maxLength, boolean lookalikeBreaks) {
            return new Field(path, Kind.STRING, required, maxLength, lookalikeBreaks);
        }
    }

    /** One hostile body: which defect it carries, its raw bytes, and whether API Gateway would base64 it. */
    public record Body(String category, String defect, byte[] bytes, boolean base64) {

        /** The body as API Gateway puts it in the event: text, or base64 for bytes that are not UTF-8. */
        public String eventBody() {
            return base64 ? Base64.getEncoder().encodeToString(bytes) : new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return category + ", " + defect + ": " + (text.length() > 300 ? text.substring(0, 300) + "...(" + bytes.length + " bytes)" : text);
        }
    }

    private static final String[] WRONG_VALUES = {"42", "-7", "1.5", "1e308", "true", "false", "\"text\"", "\"\"", "[]", "[1,\"a\"]",
            "{}", "{\"a\":1}"};
    private static final String[][] LOOKALIKES = {{"a", "\u0430"}, {"e", "\u0435"}, {"o", "\u043e"}, {"c", "\u0441"},
            {"p", "\u0440"}, {"x", "\u0445"}, {"y", "\u0443"}, {"i", "\u0456"}, {"s", "\u0455"}, {"d", "\u0501"},
            {"A", "\u0410"}, {"B", "\u0412"}, {"C", "\u0421"}, {"E", "\u0415"}, {"M", "\u041c"}, {"0", "\uff10"}, {"1", "\uff11"},
            {"2", "\u0662"}, {"3", "\uff13"}, {"4", "\u0664"}, {"5", "\uff15"}, {"7", "\u0667"}, {"9", "\uff19"}};
    private static final byte[][] INVALID_UTF8 = {{(byte) 0xff}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            {(byte) 0xc3, 0x28}, {(byte) 0x80}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xfe, (byte) 0xfe}};
    private static final String[] EXTRA_KEYS = {"extra", "__proto__", "constructor", "$where", "discount", "orderId", "admin", "id "};

    private final Object valid;
    private final List<Field> fields;

    /** @param validJson a body the route accepts; @param fields its fields (every object and value worth breaking) */
    public HostileJson(String validJson, List<Field> fields) {
        this.valid = toModel(HttpAnswer.tree(validJson));
        this.fields = List.copyOf(fields);
        for (Field field : fields) {
            Objects.requireNonNull(get(valid, segments(field.path())), () -> "no field " + field.path() + " in the valid body");
        }
    }

    /** Every kind of defect, evenly mixed. */
    public Arbitrary<Body> bodies() {
        List<Arbitrary<Body>> all = new ArrayList<>(List.of(wrongTypes(), hugeStrings(), deepNesting(), invalidUtf8(), duplicateKeys(),
                lookalikeKeys(), extraFields(), brokenSyntax()));
        if (fields.stream().anyMatch(Field::lookalikeBreaks)) {
            all.add(lookalikeValues());
        }
        if (fields.stream().anyMatch(Field::required)) {
            all.add(missingFields());
        }
        return Arbitraries.oneOf(all);
    }

    /** The string fields, or an extra one when the body has none (the body is then wrong twice over). */
    private List<Field> stringFields() {
        List<Field> strings = fields.stream().filter(f -> f.kind() == Kind.STRING).toList();
        return strings.isEmpty() ? List.of(Field.string("note", false, 0, false)) : strings;
    }

    private Object withString(String path, Object value) {
        if (get(valid, segments(path)) != null || !(valid instanceof JObject)) {
            return with(path, value);
        }
        Object copy = deepCopy(valid);
        ((JObject) copy).entries().add(new java.util.AbstractMap.SimpleEntry<>(path, value));
        return copy;
    }

    public Arbitrary<Body> wrongTypes() {
        return Combinators.combine(Arbitraries.of(fields), Arbitraries.of(WRONG_VALUES)).as((field, value) -> {
            String wrong = wrongFor(field, value);
            return text("wrong type", field.path() + " = " + wrong, with(field.path(), new Raw(wrong)));
        });
    }

    public Arbitrary<Body> hugeStrings() {
        return Combinators.combine(Arbitraries.of(stringFields()), Arbitraries.integers().between(1, 200_000), Arbitraries.of("x", "я", "😀", "\\\"", " "))
                .as((field, extra, unit) -> {
                    int length = Math.max(field.maxLength() + 1, Math.min(extra, 200_000));
                    String huge = unit.equals("\\\"") ? "\"".repeat(length) : unit.repeat(Math.max(1, length / unit.length()) + 1);
                    return text("huge string", huge.length() + " chars at " + field.path(), withString(field.path(), huge));
                });
    }

    public Arbitrary<Body> deepNesting() {
        List<String> places = new ArrayList<>(fields.stream().map(Field::path).toList());
        places.add("");
        return Combinators.combine(Arbitraries.of(places), Arbitraries.integers().between(20, 6000), Arbitraries.of(true, false))
                .as((path, depth, arrays) -> {
                    String nested = (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
                    String body = path.isEmpty() ? nested : write(with(path, new Raw(nested)));
                    return new Body("deep nesting", depth + " deep at " + (path.isEmpty() ? "the root" : path),
                            body.getBytes(StandardCharsets.UTF_8), false);
                });
    }

    public Arbitrary<Body> invalidUtf8() {
        return Combinators.combine(Arbitraries.of(stringFields()), Arbitraries.integers().between(0, INVALID_UTF8.length - 1), Arbitraries.of(true, false))
                .as((field, which, insideValue) -> {
                    String marker = "\u0001MARK\u0001";
                    Object original = get(valid, segments(field.path()));
                    byte[] text = write(withString(field.path(), insideValue && original != null ? marker + original : marker))
                            .getBytes(StandardCharsets.UTF_8);
                    byte[] markerBytes = Json.quote(marker).substring(1, Json.quote(marker).length() - 1).getBytes(StandardCharsets.UTF_8);
                    int at = indexOf(text, markerBytes);
                    byte[] bad = INVALID_UTF8[which];
                    byte[] out = new byte[text.length - markerBytes.length + bad.length];
                    System.arraycopy(text, 0, out, 0, at);
                    System.arraycopy(bad, 0, out, at, bad.length);
                    System.arraycopy(text, at + markerBytes.length, out, at + bad.length, text.length - at - markerBytes.length);
                    return new Body("invalid UTF-8", "in " + field.path(), out, true);
                });
    }

    /** A key twice, each time leaving a valid value last: a last-wins parser would accept it, we must not. */
    public Arbitrary<Body> duplicateKeys() {
        List<Field> named = fields.stream().filter(f -> segments(f.path()).getLast() instanceof String).toList();
        return Combinators.combine(Arbitraries.of(named), Arbitraries.of(true, false)).as((field, sameValue) -> {
            List<Object> path = segments(field.path());
            String key = (String) path.getLast();
            Object copy = deepCopy(valid);
            JObject parent = (JObject) get(copy, path.subList(0, path.size() - 1));
            int at = 0;
            while (!parent.entries().get(at).getKey().equals(key)) {
                at++;
            }
            Object first = sameValue ? deepCopy(get(valid, path)) : new Raw(wrongFor(field, "\"other\""));
            parent.entries().add(at, new java.util.AbstractMap.SimpleEntry<>(key, first));
            return text("duplicate key", field.path() + (sameValue ? " twice, same value" : " first wrong, then valid"), copy);
        });
    }

    public Arbitrary<Body> lookalikeKeys() {
        List<Field> named = fields.stream().filter(f -> segments(f.path()).getLast() instanceof String).toList();
        return Combinators.combine(Arbitraries.of(named), Arbitraries.integers().between(0, 1000)).as((field, seed) -> {
            List<Object> path = segments(field.path());
            String key = (String) path.getLast();
            String lookalike = lookalike(key, seed);
            Object copy = deepCopy(valid);
            JObject parent = (JObject) get(copy, path.subList(0, path.size() - 1));
            parent.entries().replaceAll(e -> e.getKey().equals(key) ? new java.util.AbstractMap.SimpleEntry<>(lookalike, e.getValue()) : e);
            return text("look-alike key", Json.quote(lookalike) + " for " + field.path(), copy);
        });
    }

    public Arbitrary<Body> lookalikeValues() {
        List<Field> breakable = fields.stream().filter(Field::lookalikeBreaks).toList();
        return Combinators.combine(Arbitraries.of(breakable), Arbitraries.integers().between(0, 1000)).as((field, seed) -> {
            String value = (String) get(valid, segments(field.path()));
            String lookalike = lookalike(value, seed);
            return text("look-alike value", Json.quote(lookalike) + " at " + field.path(), with(field.path(), lookalike));
        });
    }

    public Arbitrary<Body> missingFields() {
        List<Field> required = fields.stream().filter(Field::required).toList();
        return Arbitraries.of(required).flatMap(field -> Arbitraries.of(true, false).map(asNull -> {
            List<Object> path = segments(field.path());
            Object copy = deepCopy(valid);
            Object parent = get(copy, path.subList(0, path.size() - 1));
            if (asNull) {
                set(copy, path, null);
            } else if (parent instanceof JObject object) {
                object.entries().removeIf(e -> e.getKey().equals(path.getLast()));
            } else {
                ((List<?>) parent).remove((int) (Integer) path.getLast());
            }
            return text("missing field", (asNull ? "null " : "absent ") + field.path(), copy);
        }));
    }

    public Arbitrary<Body> extraFields() {
        List<String> objects = new ArrayList<>(fields.stream().filter(f -> f.kind() == Kind.OBJECT).map(Field::path).toList());
        objects.add("");
        return Combinators.combine(Arbitraries.of(objects), Arbitraries.of(EXTRA_KEYS), Arbitraries.of(WRONG_VALUES).injectNull(0.1))
                .as((path, key, value) -> {
                    Object copy = deepCopy(valid);
                    JObject object = (JObject) get(copy, segments(path));
                    object.entries().add(new java.util.AbstractMap.SimpleEntry<>(key, value == null ? new Raw("null") : new Raw(value)));
                    return text("extra field", Json.quote(key) + " in " + (path.isEmpty() ? "the root" : path), copy);
                });
    }

    public Arbitrary<Body> brokenSyntax() {
        String body = write(valid);
        Arbitrary<Body> truncated = Arbitraries.integers().between(0, body.length() - 1)
                .map(n -> new Body("broken syntax", "truncated at " + n, body.substring(0, n).getBytes(StandardCharsets.UTF_8), false));
        Arbitrary<Body> trailing = Arbitraries.of("x", "}", "{}", ",", "[]", " 1", " null", "\u0000")
                .map(t -> new Body("broken syntax", "trailing " + Json.quote(t), (body + t).getBytes(StandardCharsets.UTF_8), false));
        Arbitrary<Body> notObject = Arbitraries.of("", " ", "null", "true", "42", "\"text\"", "[]", "[" + body + "]", "NaN", "'a'",
                        body.replace('"', '\''), "/* c */" + body, body.replaceFirst(":", ":NaN,\"z\":"), "{\"a\" 1}", "{,}")
                .map(t -> new Body("broken syntax", "not one JSON object: " + (t.length() > 40 ? t.substring(0, 40) : t), t.getBytes(StandardCharsets.UTF_8), false));
        return Arbitraries.oneOf(truncated, trailing, notObject);
    }

    // ------------------------------------------------------------------ the JSON model

    /** An object as ordered entries, so a key can appear twice. */
    record JObject(List<Map.Entry<String, Object>> entries) {
    }

    /** JSON text written as it is. */
    record Raw(String json) {
    }

    private static Object toModel(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, Object>> entries = new ArrayList<>();
            node.entries().forEach(e -> entries.add(new java.util.AbstractMap.SimpleEntry<>(e.getKey(), toModel(e.getValue()))));
            return new JObject(entries);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.values().forEach(v -> list.add(toModel(v)));
            return list;
        }
        if (node.isString()) {
            return node.getStringValue();
        }
        if (node.isNull()) {
            return null;
        }
        return new Raw(node.isBoolean() ? Boolean.toString(node.getBooleanValue()) : node.getNumberValue().toString());
    }

    private static Object deepCopy(Object model) {
        if (model instanceof JObject object) {
            List<Map.Entry<String, Object>> entries = new ArrayList<>();
            object.entries().forEach(e -> entries.add(new java.util.AbstractMap.SimpleEntry<>(e.getKey(), deepCopy(e.getValue()))));
            return new JObject(entries);
        }
        if (model instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return model;
    }

    private Object with(String path, Object value) {
        Object copy = deepCopy(valid);
        set(copy, segments(path), value);
        return copy;
    }

    static List<Object> segments(String path) {
        List<Object> out = new ArrayList<>();
        if (path.isEmpty()) {
            return out;
        }
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            out.add(bracket < 0 ? part : part.substring(0, bracket));
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                out.add(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return out;
    }

    private static Object get(Object model, List<Object> path) {
        Object at = model;
        for (Object segment : path) {
            if (segment instanceof Integer index) {
                at = ((List<?>) at).get(index);
            } else {
                at = ((JObject) at).entries().stream().filter(e -> e.getKey().equals(segment)).map(Map.Entry::getValue)
                        .findFirst().orElse(null);
            }
        }
        return at;
    }

    @SuppressWarnings("unchecked")
    private static void set(Object model, List<Object> path, Object value) {
        Object parent = get(model, path.subList(0, path.size() - 1));
        Object last = path.getLast();
        if (last instanceof Integer index) {
            ((List<Object>) parent).set(index, value);
        } else {
            ((JObject) parent).entries().replaceAll(e -> e.getKey().equals(last) ? new java.util.AbstractMap.SimpleEntry<>(e.getKey(), value) : e);
        }
    }

    static String write(Object model) {
        StringBuilder out = new StringBuilder();
        write(model, out);
        return out.toString();
    }

    private static void write(Object model, StringBuilder out) {
        switch (model) {
            case null -> out.append("null");
            case JObject object -> {
                out.append('{');
                for (int i = 0; i < object.entries().size(); i++) {
                    Map.Entry<String, Object> e = object.entries().get(i);
                    out.append(i == 0 ? "" : ",").append(Json.quote(e.getKey())).append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    write(list.get(i), out);
                }
                out.append(']');
            }
            case Raw raw -> out.append(raw.json());
            case String s -> out.append(Json.quote(s));
            default -> throw new IllegalArgumentException("not a JSON model value: " + model);
        }
    }

    private static Body text(String category, String defect, Object model) {
        return new Body(category, defect, write(model).getBytes(StandardCharsets.UTF_8), false);
    }

    /** A value of another JSON type than the field's (null for a required field). */
    private static String wrongFor(Field field, String candidate) {
        String value = candidate;
        for (int i = 0; i < WRONG_VALUES.length * 2 && fits(field.kind(), value); i++) {
            value = WRONG_VALUES[(indexOf(value) + 1) % WRONG_VALUES.length];
        }
        return value;
    }

    private static int indexOf(String value) {
        for (int i = 0; i < WRONG_VALUES.length; i++) {
            if (WRONG_VALUES[i].equals(value)) {
                return i;
            }
        }
        return 0;
    }

    private static boolean fits(Kind kind, String json) {
        char first = json.charAt(0);
        boolean number = first == '-' || Character.isDigit(first);
        return switch (kind) {
            case STRING -> first == '"';
            case INTEGER -> number && !json.contains(".") && !json.contains("e");
            case NUMBER -> number;
            case BOOLEAN -> first == 't' || first == 'f';
            case OBJECT -> first == '{';
            case ARRAY -> first == '[';
        };
    }

    /** {@code text} with one character replaced by a look-alike, or a zero-width space or fullwidth letter put in. */
    static String lookalike(String text, int seed) {
        List<int[]> spots = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            for (int j = 0; j < LOOKALIKES.length; j++) {
                if (LOOKALIKES[j][0].charAt(0) == text.charAt(i)) {
                    spots.add(new int[]{i, j});
                }
            }
        }
        if (spots.isEmpty() || seed % 5 == 4) {
            int at = seed % (text.length() + 1);
            return text.substring(0, at) + (seed % 2 == 0 ? "\u200b" : "\uff0d") + text.substring(at);
        }
        int[] spot = spots.get(seed % spots.size());
        return text.substring(0, spot[0]) + LOOKALIKES[spot[1]][1] + text.substring(spot[0] + 1);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("marker not found");
    }


}

package io.partnerlink.local.template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static io.partnerlink.local.template.Intrinsics.asMap;
import static io.partnerlink.local.template.Intrinsics.section;

/**
 * What the local runner needs from {@code template.yaml}: the DynamoDB tables, the Secrets Manager secrets and
 * the functions with their environment and HTTP routes. Everything local is derived from here, so the local
 * stack and the deployed one cannot drift apart.
 */
public record SamTemplate(Path file, List<TableSpec> tables, List<SecretSpec> secrets, List<FunctionSpec> functions,
                          List<String> warnings) {

    public static SamTemplate load(Path file, String region) throws IOException {
        Map<String, Object> doc = CfnYaml.load(file);
        List<String> warnings = new ArrayList<>();
        Intrinsics intrinsics = new Intrinsics(doc, region, warnings::add);
        Map<String, Object> globals = section(section(doc, "Globals"), "Function");
        List<TableSpec> tables = new ArrayList<>();
        List<SecretSpec> secrets = new ArrayList<>();
        List<FunctionSpec> functions = new ArrayList<>();
        Path folder = file.toAbsolutePath().getParent();
        section(doc, "Resources").forEach((id, raw) -> {
            Map<String, Object> resource = asMap(raw);
            String type = String.valueOf(resource.get("Type"));
            switch (type) {
                case "AWS::DynamoDB::Table" -> tables.add(table(id, intrinsics, resolved(intrinsics, resource)));
                case "AWS::SecretsManager::Secret" -> secrets.add(new SecretSpec(id, intrinsics.physicalName(id)));
                case "AWS::Serverless::Function" -> functions.add(
                        function(id, intrinsics, globals, section(resource, "Properties"), folder, warnings));
                default -> { }
            }
        });
        return new SamTemplate(file.toAbsolutePath(), List.copyOf(tables), List.copyOf(secrets), List.copyOf(functions),
                List.copyOf(warnings));
    }

    public FunctionSpec function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst().orElse(null);
    }

    public List<HttpRoute> routes() {
        return functions.stream().flatMap(f -> f.routes().stream()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolved(Intrinsics intrinsics, Map<String, Object> resource) {
        return (Map<String, Object>) intrinsics.resolve(section(resource, "Properties"));
    }

    private static TableSpec table(String id, Intrinsics intrinsics, Map<String, Object> p) {
        List<TableSpec.Attribute> attributes = maps(p.get("AttributeDefinitions")).stream()
                .map(a -> new TableSpec.Attribute(str(a.get("AttributeName")), str(a.get("AttributeType")))).toList();
        Map<String, Object> ttl = section(p, "TimeToLiveSpecification");
        String ttlAttribute = Boolean.parseBoolean(String.valueOf(ttl.get("Enabled"))) ? str(ttl.get("AttributeName")) : null;
        Object streamType = section(p, "StreamSpecification").get("StreamViewType");
        return new TableSpec(id, intrinsics.physicalName(id), attributes, keys(p.get("KeySchema")),
                indexes(p.get("GlobalSecondaryIndexes")), indexes(p.get("LocalSecondaryIndexes")), ttlAttribute,
                streamType == null ? null : streamType.toString());
    }

    private static List<TableSpec.Key> keys(Object schema) {
        return maps(schema).stream().map(k -> new TableSpec.Key(str(k.get("AttributeName")), str(k.get("KeyType")))).toList();
    }

    private static List<TableSpec.Index> indexes(Object list) {
        return maps(list).stream().map(i -> {
            Map<String, Object> projection = section(i, "Projection");
            List<String> nonKey = projection.get("NonKeyAttributes") instanceof List<?> l
                    ? l.stream().map(Object::toString).toList() : List.of();
            return new TableSpec.Index(str(i.get("IndexName")), keys(i.get("KeySchema")),
                    Objects.toString(projection.get("ProjectionType"), "ALL"), nonKey);
        }).toList();
    }

    private static FunctionSpec function(String id, Intrinsics intrinsics, Map<String, Object> globals,
                                         Map<String, Object> own, Path folder, List<String> warnings) {
        Map<String, Object> merged = new LinkedHashMap<>(globals);
        merged.putAll(own);
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map<String, Object> source : List.of(globals, own)) {
            section(section(source, "Environment"), "Variables").forEach((k, v) -> environment.put(k, intrinsics.string(v)));
        }
        Object codeUri = intrinsics.resolve(merged.get("CodeUri"));
        Path code = null;
        if (codeUri instanceof String path && !path.startsWith("s3://")) {
            code = folder.resolve(path).normalize();
        } else {
            warnings.add(id + ": CodeUri " + codeUri + " is not a local path; the function cannot run locally");
        }
        String name = own.containsKey("FunctionName") ? intrinsics.string(own.get("FunctionName")) : id;
        List<HttpRoute> routes = new ArrayList<>();
        List<String> otherEvents = new ArrayList<>();
        section(own, "Events").forEach((eventId, rawEvent) -> {
            Map<String, Object> event = asMap(rawEvent);
            Map<String, Object> props = section(event, "Properties");
            String type = String.valueOf(event.get("Type"));
            if (type.equals("HttpApi")) {
                String path = props.containsKey("Path") ? intrinsics.string(props.get("Path")) : HttpRoute.DEFAULT;
                String method = props.containsKey("Method") ? intrinsics.string(props.get("Method")).toUpperCase(Locale.ROOT) : "ANY";
                routes.add(new HttpRoute(method.equals("X-AMAZON-APIGATEWAY-ANY-METHOD") ? "ANY" : method, path, id));
            } else {
                Object detail = props.containsKey("Schedule") ? intrinsics.resolve(props.get("Schedule"))
                        : props.getOrDefault("Path", "");
                otherEvents.add((type + " " + detail).trim());
            }
        });
        return new FunctionSpec(id, name, code, intrinsics.string(merged.get("Handler")),
                intrinsics.string(merged.getOrDefault("Runtime", "java21")),
                number(intrinsics.resolve(merged.get("MemorySize")), 128),
                number(intrinsics.resolve(merged.get("Timeout")), 3),
                java.util.Collections.unmodifiableMap(environment), List.copyOf(routes), List.copyOf(otherEvents));
    }

    private static int number(Object value, int fallback) {
        return value == null ? fallback : Integer.parseInt(value.toString());
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object list) {
        return list instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}

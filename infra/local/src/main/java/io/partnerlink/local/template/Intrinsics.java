package io.partnerlink.local.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsic functions the way a local run needs them: {@code Ref} to a parameter is its
 * default, {@code Ref} to a resource is its physical name (the {@code TableName}/{@code Name} property, else the
 * logical id: that is the name the runner creates it under), {@code GetAtt ...Arn} is a local ARN, and
 * conditions are evaluated. What cannot be resolved locally becomes an empty string and a warning.
 */
public final class Intrinsics {

    /** {@code AWS::NoValue}: removes the enclosing property or list element. */
    static final Object NO_VALUE = new Object();
    public static final String ACCOUNT_ID = "123456789012";
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final Map<String, Object> parameters;
    private final Map<String, Map<String, Object>> resources;
    private final Map<String, Object> conditions;
    private final Map<String, Object> mappings;
    private final String region;
    private final Consumer<String> warnings;

    @SuppressWarnings("unchecked")
    Intrinsics(Map<String, Object> template, String region, Consumer<String> warnings) {
        this.parameters = section(template, "Parameters");
        this.resources = (Map<String, Map<String, Object>>) (Map<?, ?>) section(template, "Resources");
        this.conditions = section(template, "Conditions");
        this.mappings = section(template, "Mappings");
        this.region = region;
        this.warnings = warnings;
    }

    static Map<String, Object> section(Map<String, Object> map, String key) {
        return asMap(map.get(key));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    /** The value with every intrinsic function replaced by its local value. */
    @SuppressWarnings("unchecked")
    public Object resolve(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                String key = (String) map.keySet().iterator().next();
                if (key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::")) {
                    return function(key, map.get(key));
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> {
                Object resolved = resolve(v);
                if (resolved != NO_VALUE) {
                    out.put(k, resolved);
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                Object resolved = resolve(item);
                if (resolved != NO_VALUE) {
                    out.add(resolved);
                }
            }
            return out;
        }
        return value;
    }

    /** The value as an environment variable string ("" for null). */
    public String string(Object value) {
        Object resolved = resolve(value);
        return resolved == null || resolved == NO_VALUE ? "" : resolved.toString();
    }

    private Object function(String name, Object arg) {
        return switch (name) {
            case "Ref" -> ref(resolve(arg).toString());
            case "Fn::GetAtt" -> getAtt(resolve(arg));
            case "Fn::Sub" -> sub(arg);
            case "Fn::Join" -> join(list(arg));
            case "Fn::Select" -> list(resolve(list(arg).get(1))).get(Integer.parseInt(resolve(list(arg).get(0)).toString()));
            case "Fn::Split" -> List.of(resolve(list(arg).get(1)).toString().split(Pattern.quote(resolve(list(arg).get(0)).toString()), -1));
            case "Fn::If" -> condition(list(arg).get(0).toString()) ? resolve(list(arg).get(1)) : resolve(list(arg).get(2));
            case "Fn::Equals" -> String.valueOf(resolve(list(arg).get(0))).equals(String.valueOf(resolve(list(arg).get(1))));
            case "Fn::Not" -> !truth(list(arg).get(0));
            case "Fn::And" -> list(arg).stream().allMatch(this::truth);
            case "Fn::Or" -> list(arg).stream().anyMatch(this::truth);
            case "Condition" -> condition(arg.toString());
            case "Fn::FindInMap" -> findInMap(list(arg));
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(string(arg).getBytes(StandardCharsets.UTF_8));
            default -> {
                warnings.accept(name + " is not resolved locally; using an empty string");
                yield "";
            }
        };
    }

    private Object ref(String name) {
        switch (name) {
            case "AWS::Region": return region;
            case "AWS::AccountId": return ACCOUNT_ID;
            case "AWS::StackName": return "partnerlink-local";
            case "AWS::StackId": return "arn:aws:cloudformation:" + region + ":" + ACCOUNT_ID + ":stack/partnerlink-local/local";
            case "AWS::Partition": return "aws";
            case "AWS::URLSuffix": return "amazonaws.com";
            case "AWS::NoValue": return NO_VALUE;
            default: break;
        }
        if (parameters.get(name) instanceof Map<?, ?> parameter) {
            Object fallback = parameter.get("Default");
            if (fallback == null) {
                warnings.accept("parameter " + name + " has no Default; using an empty string");
                return "";
            }
            return fallback;
        }
        if (resources.containsKey(name)) {
            return physicalName(name);
        }
        warnings.accept("!Ref " + name + " names nothing in the template; using an empty string");
        return "";
    }

    /** The name the runner gives a resource: its explicit name property, else its logical id. */
    public String physicalName(String logicalId) {
        Map<String, Object> properties = section(resources.getOrDefault(logicalId, Map.of()), "Properties");
        for (String key : List.of("TableName", "Name", "FunctionName", "QueueName", "TopicName")) {
            if (properties.containsKey(key)) {
                return string(properties.get(key));
            }
        }
        return logicalId;
    }

    private Object getAtt(Object arg) {
        List<?> parts = list(arg);
        String logicalId = parts.get(0).toString();
        String attribute = parts.get(1).toString();
        String type = String.valueOf(resources.getOrDefault(logicalId, Map.of()).get("Type"));
        String name = physicalName(logicalId);
        if (attribute.equals("Arn")) {
            return switch (type) {
                case "AWS::DynamoDB::Table" -> arn("dynamodb", "table/" + name);
                case "AWS::SecretsManager::Secret" -> arn("secretsmanager", "secret:" + name);
                case "AWS::SQS::Queue" -> arn("sqs", name);
                case "AWS::Serverless::Function", "AWS::Lambda::Function" -> arn("lambda", "function:" + name);
                default -> arn(type.split("::").length > 1 ? type.split("::")[1].toLowerCase() : "local", name);
            };
        }
        if (attribute.endsWith("Name") || attribute.equals("Id")) {
            return name;
        }
        return logicalId + "." + attribute;
    }

    private String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + ACCOUNT_ID + ":" + resource;
    }

    @SuppressWarnings("unchecked")
    private String sub(Object arg) {
        String text;
        Map<String, Object> variables = Map.of();
        if (arg instanceof List<?> pair) {
            text = pair.get(0).toString();
            variables = resolve(pair.get(1)) instanceof Map<?, ?> given ? (Map<String, Object>) given : Map.of();
        } else {
            text = arg.toString();
        }
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1).trim();
            Object value = variables.containsKey(variable) ? variables.get(variable)
                    : variable.contains(".") && !variable.startsWith("AWS::")
                    ? getAtt(List.of(variable.substring(0, variable.indexOf('.')), variable.substring(variable.indexOf('.') + 1)))
                    : ref(variable);
            m.appendReplacement(out, Matcher.quoteReplacement(value == NO_VALUE ? "" : String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString().replace("${!", "${");
    }

    private String join(List<?> arg) {
        List<String> parts = new ArrayList<>();
        for (Object item : list(resolve(arg.get(1)))) {
            parts.add(String.valueOf(item));
        }
        return String.join(resolve(arg.get(0)).toString(), parts);
    }

    private Object findInMap(List<?> arg) {
        Map<String, Object> map = section(mappings, string(arg.get(0)));
        return resolve(section(map, string(arg.get(1))).get(string(arg.get(2))));
    }

    private boolean condition(String name) {
        if (!conditions.containsKey(name)) {
            warnings.accept("condition " + name + " is not defined; taken as false");
            return false;
        }
        return truth(conditions.get(name));
    }

    private boolean truth(Object expression) {
        Object value = resolve(expression);
        return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
    }

    private static List<?> list(Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException("expected a list in the template, found " + value);
    }
}

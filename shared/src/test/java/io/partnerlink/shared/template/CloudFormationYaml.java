package io.partnerlink.shared.template;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a CloudFormation/SAM template with SnakeYAML's safe loader. The short intrinsic-function tags
 * ({@code !Ref X}, {@code !GetAtt X.Arn}, {@code !Sub ...}, {@code !If [...]}) become their long form
 * ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["X", "Arn"]}}), so a test reads one shape whichever the author wrote.
 */
final class CloudFormationYaml {

    private CloudFormationYaml() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path template) throws IOException {
        try (Reader in = Files.newBufferedReader(template)) {
            return (Map<String, Object>) new Yaml(new IntrinsicFunctions()).load(in);
        }
    }

    private static final class IntrinsicFunctions extends SafeConstructor {

        IntrinsicFunctions() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new ShortForm());
        }

        private final class ShortForm extends AbstractConstruct {

            @Override
            public Object construct(Node node) {
                String name = node.getTag().getValue().substring(1);
                String function = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
                Object value = switch (node) {
                    case ScalarNode scalar when name.equals("GetAtt") -> List.of(scalar.getValue().split("\\.", 2));
                    case ScalarNode scalar -> scalar.getValue();
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalArgumentException("Unexpected YAML node " + node.getNodeId() + " for " + node.getTag());
                };
                return Map.of(function, value);
            }
        }
    }
}

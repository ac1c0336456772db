package io.partnerlink.local.template;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a CloudFormation/SAM template. The short forms ({@code !Ref X}, {@code !GetAtt A.B}, {@code !Sub ...},
 * {@code !If [...]}) become the long forms ({@code {Ref: X}}, {@code {Fn::GetAtt: [A, B]}}, ...), so the
 * {@link Intrinsics} resolver sees one shape whichever way the template was written.
 */
public final class CfnYaml {

    private CfnYaml() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> load(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object doc = new Yaml(new ShortForms(options)).load(reader);
            if (!(doc instanceof Map)) {
                throw new IOException(file + " is not a template (no top-level mapping)");
            }
            return (Map<String, Object>) doc;
        }
    }

    /** The long-form key of a short-form tag: {@code !Ref} is {@code Ref}, {@code !Condition} is {@code Condition}, the rest {@code Fn::Name}. */
    static String longForm(String tag) {
        String name = tag.substring(1);
        return name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
    }

    private static final class ShortForms extends SafeConstructor {

        ShortForms(LoaderOptions options) {
            super(options);
            // Every local tag ("!Anything") goes through one construct.
            this.yamlMultiConstructors.put("!", new Intrinsic());
        }

        private final class Intrinsic extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                String key = longForm(node.getTag().getValue());
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    // !GetAtt Resource.Attribute is the list form [Resource, Attribute].
                    value = key.equals("Fn::GetAtt") && text.contains(".")
                            ? List.of(text.substring(0, text.indexOf('.')), text.substring(text.indexOf('.') + 1))
                            : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(key, value);
            }
        }
    }
}

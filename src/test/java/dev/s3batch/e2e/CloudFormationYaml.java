package dev.s3batch.e2e;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation/SAM template: SnakeYAML's safe constructor plus the short-form
 * intrinsic tags, each turned into its long form ({@code !Ref X} is {@code {Ref: X}},
 * {@code !GetAtt A.B} is {@code {Fn::GetAtt: [A, B]}}, {@code !Sub s} is {@code {Fn::Sub: s}}).
 * Any other tag fails the parse.
 */
final class CloudFormationYaml {

  private static final List<String> FUNCTIONS = List.of(
      "Sub", "GetAtt", "If", "Equals", "Not", "And", "Or", "Join", "Select", "Split", "FindInMap", "Base64",
      "Cidr", "GetAZs", "ImportValue");

  private CloudFormationYaml() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> read(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file)) {
      return (Map<String, Object>) new Yaml(new Constructor()).load(in);
    }
  }

  private static final class Constructor extends SafeConstructor {
    Constructor() {
      super(new LoaderOptions());
      yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
      yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
      for (String f : FUNCTIONS) {
        yamlConstructors.put(new Tag("!" + f), new Intrinsic("Fn::" + f));
      }
    }

    private final class Intrinsic extends AbstractConstruct {
      private final String name;

      Intrinsic(String name) {
        this.name = name;
      }

      @Override
      public Object construct(Node node) {
        Object value;
        if (node instanceof ScalarNode scalar) {
          String text = constructScalar(scalar);
          value = name.equals("Fn::GetAtt") ? List.of(text.substring(0, text.indexOf('.')),
              text.substring(text.indexOf('.') + 1)) : text;
        } else if (node instanceof SequenceNode sequence) {
          value = constructSequence(sequence);
        } else {
          value = constructMapping((MappingNode) node);
        }
        return Map.of(name, value);
      }
    }
  }
}

package dev.s3batch.tools.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The files in {@code iam/} are exactly what {@link ActionPermissions} and {@link Policies} say:
 * a change to the table without the files (or the other way round) fails here. To regenerate the
 * files after changing the table: {@code mvn -o -pl manifest-tools -am test -Dtest=PolicyFilesTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Diam.write=true}, then review the diff.
 */
class PolicyFilesTest {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Test
  void policyFiles_comparedWithTheTable_areEqual() throws IOException {
    Path iam = PolicyFiles.iamDirectory();
    boolean write = Boolean.getBoolean("iam.write");
    for (Map.Entry<String, ObjectNode> e : PolicyFiles.expected().entrySet()) {
      Path file = iam.resolve(e.getKey());
      if (write) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writeValueAsString(e.getValue()) + "\n", StandardCharsets.UTF_8);
      }
      assertThat(file).as("policy file %s", file).exists();
      JsonNode actual = JSON.readTree(file.toFile());
      assertThat(actual)
          .as("iam/%s differs from ActionPermissions/Policies; expected:%n%s", e.getKey(),
              JSON.writeValueAsString(e.getValue()))
          .isEqualTo(e.getValue());
    }
  }

  @Test
  void policyFolder_holdsNoFileTheTableDoesNotKnow() throws IOException {
    Path iam = PolicyFiles.iamDirectory();
    try (Stream<Path> files = Files.walk(iam)) {
      List<String> json = files.filter(p -> p.toString().endsWith(".json"))
          .map(p -> iam.relativize(p).toString().replace('\\', '/')).sorted().collect(Collectors.toList());
      assertThat(json).containsExactlyInAnyOrderElementsOf(PolicyFiles.expected().keySet());
    }
  }

  @Test
  void policyFiles_filledWithSampleValues_areValidLeastPrivilegePolicies() throws IOException {
    Path iam = PolicyFiles.iamDirectory();
    for (String name : PolicyFiles.expected().keySet()) {
      ObjectNode policy = (ObjectNode) JSON.readTree(iam.resolve(name).toFile());
      assertThat(PolicyValidator.problems(Placeholders.fill(policy, PolicyFiles.SAMPLE))).as(name).isEmpty();
    }
  }

  @Test
  void readme_documentsEveryPlaceholderTheFilesUse() throws IOException {
    String readme = Files.readString(PolicyFiles.iamDirectory().resolve("README.md"));
    TreeSet<String> used = new TreeSet<>();
    PolicyFiles.expected().values().forEach(p -> used.addAll(Placeholders.names(p)));
    assertThat(used).isEqualTo(new TreeSet<>(PolicyFiles.SAMPLE.keySet()));
    for (String name : used) {
      assertThat(readme).as("iam/README.md documents ${%s}", name).contains("${" + name + "}");
    }
  }

  @Test
  void actionPolicies_grantNoWildcardsAndNoResourceStar() {
    for (String action : ActionPermissions.actions()) {
      for (Grant g : ActionPermissions.grants(action).orElseThrow()) {
        assertThat(g.actions()).as(action).noneMatch(a -> a.contains("*"));
        assertThat(g.scope().resource()).as(action).isNotEqualTo("*");
      }
    }
  }
}

package dev.s3batch.tools.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3batch.handler.action.ActionRegistry;
import dev.s3batch.testkit.RecordedRequest;
import dev.s3batch.testkit.FaultProxy;
import dev.s3batch.testkit.S3MockServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each built-in action, run by the real handler against S3Mock through a {@link FaultProxy}:
 * every S3 call it makes on the wire must be allowed by its rendered function-role policy, and
 * together an action's scenarios must use every S3 permission the policy grants, but for the
 * few granted on purpose that no call can show, each on an explicit allow-list with its reason
 * ({@code GRANTED_BUT_NOT_ON_THE_WIRE}). A new S3 call without a policy change, or a grant no
 * scenario uses, fails here. The rows are in {@link WireScenarios}.
 */
class ActionWirePermissionsTest {

  private static final String LIST_SOURCE_BUCKET = "s3:ListBucket on " + Scope.SOURCE_BUCKET;
  private static final String LIST_DESTINATION_BUCKET = "s3:ListBucket on " + Scope.DESTINATION_BUCKET;

  /**
   * The only permissions an action's policy may grant without any of its calls needing them, each
   * granted on purpose under a Sid that says why ({@link #SID_OF_EXTRA}). S3 consults
   * {@code s3:ListBucket} when a request names a missing key: with it the answer is 404 NoSuchKey,
   * without it 403 AccessDenied. No call is a ListBucket call, and S3Mock checks no IAM, so no
   * scenario can observe it; the rows with a missing key show the paths that depend on the 404.
   */
  private static final Map<String, Set<String>> GRANTED_BUT_NOT_ON_THE_WIRE = Map.of(
      // a missing key reported as NotFound (not AccessDenied); missingKey=temporary works
      "head", Set.of(LIST_SOURCE_BUCKET),
      // source: as head; destination: the HeadObject that looks for a copy already made must see 404,
      // or every object not yet copied fails with 403
      "copy", Set.of(LIST_SOURCE_BUCKET, LIST_DESTINATION_BUCKET),
      "move", Set.of(LIST_SOURCE_BUCKET, LIST_DESTINATION_BUCKET),
      // "already absent" (Succeeded) for a key deleted before, e.g. by an earlier run of a redriven task
      "delete", Set.of(LIST_SOURCE_BUCKET),
      // AWS's example answers "not found, assuming it was deleted in an earlier revision" (Succeeded)
      "revise", Set.of(LIST_SOURCE_BUCKET),
      // missingKey=temporary works; a missing key reported as NoSuchKey
      "tag", Set.of(LIST_SOURCE_BUCKET),
      // missingKey=temporary works; a missing key reported as NoSuchKey
      "checksum", Set.of(LIST_SOURCE_BUCKET));

  /** The Sid each allow-listed extra must be granted under. */
  private static final Map<String, String> SID_OF_EXTRA = Map.of(
      LIST_SOURCE_BUCKET, ActionPermissions.LIST_BUCKET_SID,
      LIST_DESTINATION_BUCKET, ActionPermissions.LIST_DESTINATION_SID);

  private static FaultProxy proxy;

  @BeforeAll
  static void startProxy() {
    proxy = FaultProxy.start(S3MockServer.get().endpoint());
  }

  @AfterAll
  static void stopProxy() {
    proxy.close();
  }

  static Stream<WireScenario> scenarios() {
    return WireScenarios.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void action_callsOnTheWire_areAllGrantedByItsPolicy(WireScenario scenario) {
    observe(scenario);
  }

  @Test
  void scenarios_ofEachAction_useEveryS3PermissionItsPolicyGrants() {
    Map<String, Set<String>> used = new TreeMap<>();
    for (WireScenario scenario : WireScenarios.all()) {
      used.computeIfAbsent(scenario.action(), a -> new TreeSet<>()).addAll(observe(scenario));
    }
    for (Map.Entry<String, Set<String>> e : used.entrySet()) {
      Set<String> granted = new TreeSet<>();
      ActionPermissions.grants(e.getKey()).orElseThrow()
          .forEach(g -> g.actions().forEach(a -> granted.add(a + " on " + g.scope())));
      for (String addOn : ActionPermissions.addOns()) {
        if (ActionPermissions.actionsFor(addOn).contains(e.getKey())) {
          ActionPermissions.addOn(addOn).orElseThrow()
              .forEach(g -> g.actions().forEach(a -> granted.add(a + " on " + g.scope())));
        }
      }
      Set<String> extras = GRANTED_BUT_NOT_ON_THE_WIRE.getOrDefault(e.getKey(), Set.of());
      assertThat(e.getValue()).as("%s: a permission on the allow-list was used on the wire: take it off the list",
          e.getKey()).noneMatch(extras::contains);
      Set<String> expected = new TreeSet<>(e.getValue());
      expected.addAll(extras);
      assertThat(granted)
          .as("S3 permissions that %s's policy grants, against those its scenarios used plus its allow-listed"
              + " extras (a grant no call needs is more than least privilege, or a scenario is missing)", e.getKey())
          .isEqualTo(expected);
    }
  }

  @Test
  void allowListedExtras_eachGrantedUnderTheSidThatSaysWhy() {
    GRANTED_BUT_NOT_ON_THE_WIRE.forEach((action, extras) -> {
      for (String extra : extras) {
        assertThat(SID_OF_EXTRA).as("the Sid for %s", extra).containsKey(extra);
        assertThat(ActionPermissions.grants(action).orElseThrow())
            .as("%s grants %s", action, extra)
            .filteredOn(g -> g.actions().stream().anyMatch(a -> (a + " on " + g.scope()).equals(extra)))
            .singleElement()
            .satisfies(g -> {
              assertThat(g.sid()).isEqualTo(SID_OF_EXTRA.get(extra));
              assertThat(g.actions()).as("a statement for the extra alone").hasSize(1);
            });
      }
    });
  }

  /** Runs the scenario; checks every call is granted; returns the IAM actions the calls needed. */
  private static Set<String> observe(WireScenario scenario) {
    WireScenario.Task task = scenario.setup().prepare(S3MockServer.get().client(), new WireScenario.Buckets() {
      @Override
      public String plain(String prefix) {
        return S3MockServer.get().newBucket(prefix);
      }

      @Override
      public String versioned(String prefix) {
        return S3MockServer.get().newVersionedBucket(prefix);
      }
    });
    List<RecordedRequest> calls = run(scenario, task);
    assertThat(calls).as("%s made no S3 call", scenario).isNotEmpty();
    ObjectNode policy = Placeholders.fill(Policies.functionRole(grants(scenario.action(), task), true), values(task));
    Set<String> used = new TreeSet<>();
    for (RecordedRequest call : calls) {
      for (Permission needed : OperationPermissions.required(toCall(call))) {
        assertThat(PolicySimulator.allows(policy, needed))
            .as("%s: %s needs %s, which iam/function-role/%s.json%s does not grant", scenario, call, needed,
                scenario.action(), task.addOns().isEmpty() ? "" : " with the add-ons " + task.addOns())
            .isTrue();
        used.add(needed.action() + " on " + scope(scenario.action(), needed, task));
      }
    }
    return used;
  }

  @Test
  void builtInActions_eachHavePermissionsAndWireScenarios() {
    Set<String> withScenarios = new TreeSet<>();
    WireScenarios.all().forEach(s -> withScenarios.add(s.action()));
    for (String action : ActionRegistry.builtInNames()) {
      assertThat(ActionPermissions.grants(action)).as("ActionPermissions row for built-in %s", action).isPresent();
      assertThat(withScenarios).as("WireScenarios rows for built-in %s", action).contains(action);
    }
  }

  private static List<RecordedRequest> run(WireScenario scenario, WireScenario.Task task) {
    JsonNode result;
    List<RecordedRequest> calls;
    synchronized (ActionWirePermissionsTest.class) {
      proxy.clear();
      if (task.fault() != null) {
        proxy.inject(task.fault().when(), task.fault().fault(), task.fault().times());
      }
      result = WireRun.invoke(proxy.endpoint(), scenario.action(), task);
      calls = new ArrayList<>(proxy.requests());
    }
    assertThat(result.path("resultCode").asText()).as("%s answered %s", scenario, result)
        .isEqualTo(scenario.expectedResult());
    assertThat(result.path("resultString").asText()).as("%s answered %s", scenario, result)
        .contains(scenario.expectedText());
    return calls;
  }

  /** The action's grants and those of the add-ons the task's function role has. */
  private static List<Grant> grants(String action, WireScenario.Task task) {
    List<Grant> grants = new ArrayList<>(ActionPermissions.grants(action).orElseThrow());
    task.addOns().forEach(a -> grants.addAll(ActionPermissions.addOn(a).orElseThrow()));
    return grants;
  }

  /** The scope of the action's grant that allows {@code needed}, by the scope's filled-in resource. */
  private static Scope scope(String action, Permission needed, WireScenario.Task task) {
    for (Grant g : grants(action, task)) {
      ObjectNode one = Policies.functionRole(List.of(g), false);
      if (PolicySimulator.allows(Placeholders.fill(one, values(task)), needed)) {
        return g.scope();
      }
    }
    throw new AssertionError(needed + " matches no grant of " + action);
  }

  private static Map<String, String> values(WireScenario.Task task) {
    Map<String, String> values = new HashMap<>(PolicyFiles.SAMPLE);
    values.put("SourceBucket", task.sourceBucket());
    values.put("DestinationBucket", task.destinationBucket() == null ? "no-destination" : task.destinationBucket());
    return values;
  }

  /** The recorded request as the call {@link OperationPermissions} judges. */
  static S3Call toCall(RecordedRequest r) {
    boolean copiesTags = r.operation().equals("CopyObject")
        && !r.header("x-amz-tagging-directive").map("REPLACE"::equalsIgnoreCase).orElse(false);
    S3Call.CopySource source = r.header("x-amz-copy-source").map(h -> copySource(h, copiesTags)).orElse(null);
    boolean acl = r.headers().keySet().stream().anyMatch(h -> h.equals("x-amz-acl") || h.startsWith("x-amz-grant-"));
    return new S3Call(r.operation(), r.bucket(), r.key().isEmpty() ? null : r.key(), r.queryParameter("versionId").orElse(null), source,
        r.header("x-amz-tagging").isPresent(), acl);
  }

  private static S3Call.CopySource copySource(String header, boolean copiesTags) {
    String raw = header.startsWith("/") ? header.substring(1) : header;
    String version = null;
    int q = raw.indexOf("?versionId=");
    if (q >= 0) {
      version = raw.substring(q + "?versionId=".length());
      raw = raw.substring(0, q);
    }
    String path = java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    int slash = path.indexOf('/');
    return new S3Call.CopySource(path.substring(0, slash), path.substring(slash + 1), version, copiesTags);
  }
}

package dev.s3batch.tools.iam;

import dev.s3batch.testkit.Fault;
import dev.s3batch.testkit.FaultProxy;
import dev.s3batch.testkit.RecordedRequest;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One run of a built-in action whose S3 calls {@link ActionWirePermissionsTest} observes: it
 * prepares the buckets and objects (with a client that bypasses the recording proxy) and names
 * the task and the function's environment. Adding an action to the wire test is adding rows.
 *
 * @param action the built-in action
 * @param description what the row covers, for messages
 * @param expectedResult the resultCode the function must answer
 * @param expectedText text its resultString must contain, showing the row took the path it names ("" for any)
 * @param setup prepares the objects and returns the task
 */
record WireScenario(String action, String description, String expectedResult, String expectedText, Setup setup) {

  /** A row whose result string is not checked. */
  WireScenario(String action, String description, String expectedResult, Setup setup) {
    this(action, description, expectedResult, "", setup);
  }

  /** Prepares one scenario on a real S3 server. */
  @FunctionalInterface
  interface Setup {
    Task prepare(S3Client s3, Buckets buckets);
  }

  /** Creates fresh buckets for a scenario. */
  interface Buckets {
    String plain(String prefix);

    String versioned(String prefix);
  }

  /**
   * The task to run.
   *
   * @param sourceBucket the task's bucket
   * @param key the raw key
   * @param versionId the task's version id, or null
   * @param destinationBucket the destination bucket, or null
   * @param environment extra function environment (the action is set for you)
   * @param addOns the add-on policies ({@link ActionPermissions#addOns()}) the function role has for this row
   * @param fault a fault the proxy injects while the action runs, or null
   */
  record Task(String sourceBucket, String key, String versionId, String destinationBucket,
      Map<String, String> environment, Set<String> addOns, Injection fault) {

    Task {
      environment = Map.copyOf(environment);
      addOns = Set.copyOf(addOns);
    }

    Task(String sourceBucket, String key, String versionId, String destinationBucket,
        Map<String, String> environment) {
      this(sourceBucket, key, versionId, destinationBucket, environment, Set.of(), null);
    }

    static Task of(String bucket, String key, String versionId) {
      return new Task(bucket, key, versionId, null, Map.of());
    }

    /** This task with the add-on policy attached to the function role. */
    Task withAddOn(String addOn) {
      Set<String> more = new java.util.TreeSet<>(addOns);
      more.add(addOn);
      return new Task(sourceBucket, key, versionId, destinationBucket, environment, more, fault);
    }

    /** This task with {@code fault} answered to the first {@code times} requests that match {@code when}. */
    Task withFault(Predicate<RecordedRequest> when, Fault fault, int times) {
      return new Task(sourceBucket, key, versionId, destinationBucket, environment, addOns,
          new Injection(when, fault, times));
    }
  }

  /** A fault for {@link FaultProxy#inject}. */
  record Injection(Predicate<RecordedRequest> when, Fault fault, int times) {}

  @Override
  public String toString() {
    return action + ": " + description;
  }
}

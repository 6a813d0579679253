package dev.s3batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;

/**
 * The lambda jar's service metadata, which the build cuts to S3's ({@code PruneLambdaJar}'s
 * {@code ServiceMetadataTable}): what the S3 client reads from it (endpoints, signing regions,
 * regions, partitions) must be what the SDK itself gives, for every region the SDK knows, and the
 * tables of the other 300-odd services must be gone from the jar (they were 311 classes loaded in
 * every cold start).
 */
class LambdaJarMetadataE2ETest {

  @Test
  void s3Metadata_fromTheCutTable_isTheSdksForEveryRegion() throws Exception {
    try (URLClassLoader jar = new URLClassLoader(
        new URL[] {LambdaRuntimeProcess.lambdaJar().toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Class<?> regionType = jar.loadClass(Region.class.getName());
      Object cut = jar.loadClass(ServiceMetadata.class.getName()).getMethod("of", String.class).invoke(null, "s3");
      ServiceMetadata sdk = ServiceMetadata.of("s3");

      assertThat(cut.getClass().getName()).isEqualTo(sdk.getClass().getName());
      assertThat(String.valueOf(invoke(cut, "regions"))).isEqualTo(String.valueOf(sdk.regions()));
      assertThat(Region.regions()).hasSizeGreaterThan(30);
      List<String> cutAnswers = new ArrayList<>();
      List<String> sdkAnswers = new ArrayList<>();
      for (Region region : Region.regions()) {
        Object r = regionType.getMethod("of", String.class).invoke(null, region.id());
        cutAnswers.add(region + " " + invoke(cut, "endpointFor", regionType, r)
            + " " + invoke(cut, "signingRegion", regionType, r));
        sdkAnswers.add(region + " " + sdk.endpointFor(region) + " " + sdk.signingRegion(region));
      }
      assertThat(cutAnswers).containsExactlyElementsOf(sdkAnswers);
      List<String> cutPartitions = new ArrayList<>();
      for (Object p : (List<?>) invoke(cut, "servicePartitions")) {
        cutPartitions.add(invoke(invoke(p, "partition"), "id") + " " + invoke(p, "globalRegion"));
      }
      assertThat(cutPartitions).containsExactlyElementsOf(sdk.servicePartitions().stream()
          .map(p -> p.partition().id() + " " + p.globalRegion()).toList());
    }
  }

  @Test
  void lambdaJar_holdsNoOtherServicesMetadata() throws Exception {
    try (JarFile jar = new JarFile(LambdaRuntimeProcess.lambdaJar().toFile())) {
      List<String> tables = jar.stream().map(e -> e.getName())
          .filter(n -> n.startsWith("software/amazon/awssdk/regions/servicemetadata/") && n.endsWith(".class"))
          .toList();
      assertThat(tables).containsExactlyInAnyOrder(
          "software/amazon/awssdk/regions/servicemetadata/EnhancedS3ServiceMetadata.class",
          "software/amazon/awssdk/regions/servicemetadata/S3ServiceMetadata.class");
    }
  }

  private static Object invoke(Object target, String method) throws ReflectiveOperationException {
    java.lang.reflect.Method m = target.getClass().getMethod(method);
    m.setAccessible(true); // public methods of package-private implementations
    return m.invoke(target);
  }

  private static Object invoke(Object target, String method, Class<?> type, Object arg)
      throws ReflectiveOperationException {
    return target.getClass().getMethod(method, type).invoke(target, arg);
  }
}

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Takes out of the shaded lambda jar the S3 model, marshalling and paginator classes of the S3
 * operations the function never calls (about 1,400 classes, 1.7 MB): run by the build after the
 * shade plugin, {@code java PruneLambdaJar.java JAR}, it rewrites JAR in place (temporary file,
 * then rename).
 *
 * <p>What stays: every class outside {@code services/s3/model}, {@code transform} and
 * {@code paginators}; every class those refer to (constant pool and signatures), transitively;
 * for every {@code S3Client} method that a kept class calls, its operation's request and response
 * classes and all they refer to; every modeled exception (the client registers them all); and
 * every request class, since verifying {@code DefaultS3Client} loads each one (loads, never links:
 * so what only an unused operation's request refers to can go). {@code DefaultS3Client},
 * {@code S3Client} and the other classes that name every operation are kept but not followed.
 * A JVM resolves a class only when code that uses it runs, so the classes taken out are ones the
 * function never loads; {@code LambdaJarActionsE2ETest} runs every action and both event schemas
 * from the pruned jar under AWS's runtime interface client.
 *
 * <p>It also replaces the regions module's {@code GeneratedServiceMetadataProvider}, a table that
 * builds the metadata of all 300-odd AWS services the first time any client is built (311 classes
 * loaded and run in a cold start, 0.8 MB), with one that holds only S3's, the one service whose
 * client the jar has ({@link ServiceMetadataTable}). Every other prefix gets the SDK's answer for a
 * service it has no metadata for. {@code LambdaJarMetadataE2ETest} checks S3's metadata from the
 * pruned jar against the SDK's for every region.
 */
public final class PruneLambdaJar {

  private static final String S3 = "software/amazon/awssdk/services/s3/";
  private static final Set<String> EVERY_OPERATION = Set.of(
      S3 + "S3Client", S3 + "DefaultS3Client", S3 + "DelegatingS3Client");
  private static final Pattern SIGNATURE_CLASS = Pattern.compile("L([\\w/$]+)[;<]");

  private final Map<String, byte[]> classes = new HashMap<>();

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: java PruneLambdaJar.java JAR");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    PruneLambdaJar pruner = new PruneLambdaJar();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream().filter(e -> e.getName().endsWith(".class")).forEach(e -> pruner.classes.put(
          e.getName().substring(0, e.getName().length() - 6), read(zip, e)));
    }
    Set<String> drop = pruner.unused();
    ServiceMetadataTable table = ServiceMetadataTable.cut(jar, pruner.classes);
    drop.addAll(table.drop());
    Path tmp = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".tmp");
    long before = Files.size(jar);
    try (ZipFile zip = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(tmp);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        String name = e.getName();
        if (name.endsWith(".class") && drop.contains(name.substring(0, name.length() - 6))) {
          continue;
        }
        if (name.equals(ServiceMetadataTable.PROVIDER + ".class")) {
          ZipEntry copy = new ZipEntry(name);
          copy.setTime(e.getTime());
          out.putNextEntry(copy);
          out.write(table.provider());
          out.closeEntry();
          continue;
        }
        ZipEntry copy = new ZipEntry(name);
        copy.setTime(e.getTime());
        out.putNextEntry(copy);
        try (InputStream in = zip.getInputStream(e)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(jar));
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.printf("PruneLambdaJar: %s: %d of %d classes taken out, %.1f MB -> %.1f MB%n",
        jar.getFileName(), drop.size(), pruner.classes.size(), before / 1e6, Files.size(jar) / 1e6);
  }

  private static boolean prunable(String name) {
    return name.startsWith(S3 + "model/") || name.startsWith(S3 + "transform/") || name.startsWith(S3 + "paginators/");
  }

  private static boolean request(String name) {
    return name.startsWith(S3 + "model/") && name.endsWith("Request") && name.indexOf('$') < 0;
  }

  /** The prunable classes that nothing kept can reach. */
  private Set<String> unused() {
    Set<String> followed = new HashSet<>();
    Set<String> requests = new HashSet<>(); // kept, not followed
    Deque<String> todo = new ArrayDeque<>();
    for (String name : classes.keySet()) {
      String simple = name.substring(name.lastIndexOf('/') + 1);
      if (!prunable(name) || name.startsWith(S3 + "model/") && simple.matches("\\w+Exception(\\$.*)?")) {
        todo.add(name);
      }
    }
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (!followed.add(name) || EVERY_OPERATION.contains(name)) {
        continue;
      }
      References refs = references(classes.get(name));
      for (String r : refs.classes) {
        if (!classes.containsKey(r) || followed.contains(r)) {
          continue;
        }
        if (request(r)) {
          requests.add(r); // loaded by DefaultS3Client's verification, never linked unless its operation runs
        } else {
          todo.add(r);
        }
      }
      for (String method : refs.s3ClientMethods) {
        String operation = Character.toUpperCase(method.charAt(0)) + method.substring(1).replace("Paginator", "");
        for (String shape : new String[] {
            "model/" + operation + "Request", "model/" + operation + "Response", "transform/" + operation + "RequestMarshaller"}) {
          if (classes.containsKey(S3 + shape)) {
            todo.add(S3 + shape);
          }
        }
      }
    }
    Set<String> drop = new TreeSet<>();
    for (String name : classes.keySet()) {
      if (prunable(name) && !followed.contains(name) && !requests.contains(name) && !request(name)) {
        drop.add(name);
      }
    }
    return drop;
  }

  private record References(Set<String> classes, Set<String> s3ClientMethods) {}

  /** The classes a class file names (constant pool and signatures) and the S3Client methods it calls. */
  private static References references(byte[] bytes) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
      in.skipBytes(8);
      int count = in.readUnsignedShort();
      String[] utf = new String[count];
      int[] classIndex = new int[count];
      int[][] memberRef = new int[count][];
      int[] nameAndTypeName = new int[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> utf[i] = in.readUTF();
          case 7 -> classIndex[i] = in.readUnsignedShort();
          case 8, 16, 19, 20 -> in.readUnsignedShort();
          case 15 -> in.skipBytes(3);
          case 9, 10, 11 -> memberRef[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
          case 12 -> {
            nameAndTypeName[i] = in.readUnsignedShort();
            in.readUnsignedShort();
          }
          case 3, 4, 17, 18 -> in.skipBytes(4);
          case 5, 6 -> {
            in.skipBytes(8);
            i++;
          }
          default -> throw new IllegalStateException("constant pool tag " + tag);
        }
      }
      Set<String> named = new HashSet<>();
      for (int i = 1; i < count; i++) {
        if (classIndex[i] != 0) {
          String n = utf[classIndex[i]].replaceFirst("^\\[+", "");
          named.add(n.startsWith("L") && n.endsWith(";") ? n.substring(1, n.length() - 1) : n);
        }
        if (utf[i] != null) {
          Matcher m = SIGNATURE_CLASS.matcher(utf[i]);
          while (m.find()) {
            named.add(m.group(1));
          }
        }
      }
      Set<String> methods = new HashSet<>();
      for (int i = 1; i < count; i++) {
        if (memberRef[i] != null && EVERY_OPERATION.contains(utf[classIndex[memberRef[i][0]]])) {
          methods.add(utf[nameAndTypeName[memberRef[i][1]]]);
        }
      }
      return new References(named, methods);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(ZipFile zip, ZipEntry e) {
    try (InputStream in = zip.getInputStream(e)) {
      return in.readAllBytes();
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
  }

  /**
   * The service metadata table cut to S3: the replacement provider's class file and the metadata
   * classes it no longer names. The replacement is compiled here against the jar, so it is built
   * from the SDK version the jar holds, and S3's metadata class is the one the SDK's own table gives.
   */
  record ServiceMetadataTable(byte[] provider, Set<String> drop) {

    static final String PROVIDER = "software/amazon/awssdk/regions/GeneratedServiceMetadataProvider";
    private static final String METADATA = "software/amazon/awssdk/regions/servicemetadata/";
    private static final Pattern CLIENT = Pattern.compile("software/amazon/awssdk/services/(\\w+)/\\w+Client");

    static ServiceMetadataTable cut(Path jar, Map<String, byte[]> classes) throws IOException {
      Set<String> services = new TreeSet<>();
      for (String name : classes.keySet()) {
        Matcher m = CLIENT.matcher(name);
        if (m.matches()) {
          services.add(m.group(1));
        }
      }
      if (!services.equals(Set.of("s3"))) {
        throw new IllegalStateException("the jar holds the clients of " + services
            + ", but the cut service metadata table holds only s3's: add theirs in PruneLambdaJar");
      }
      String s3 = s3MetadataClass(jar);
      Path dir = Files.createTempDirectory("service-metadata");
      Path source = dir.resolve("GeneratedServiceMetadataProvider.java");
      Files.writeString(source, String.join("\n",
          "package software.amazon.awssdk.regions;",
          "/** Written by s3batch's PruneLambdaJar: the SDK's table cut to S3, the one service this jar has a client of. */",
          "public final class GeneratedServiceMetadataProvider implements ServiceMetadataProvider {",
          "  private static final ServiceMetadata S3 = new " + s3.replace('/', '.') + "();",
          "  @Override",
          "  public ServiceMetadata serviceMetadata(String endpointPrefix) {",
          "    return \"s3\".equals(endpointPrefix) ? S3 : null;",
          "  }",
          "}", ""));
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      int status = javac.run(null, null, null, "--release", "17", "-nowarn", "-cp", jar.toString(),
          "-d", dir.toString(), source.toString());
      if (status != 0) {
        throw new IllegalStateException("javac of the cut GeneratedServiceMetadataProvider failed: " + status);
      }
      byte[] provider = Files.readAllBytes(dir.resolve(PROVIDER + ".class"));
      try (java.util.stream.Stream<Path> written = Files.walk(dir)) {
        written.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
      Set<String> keep = new HashSet<>();
      Deque<String> todo = new ArrayDeque<>(references(provider).classes());
      while (!todo.isEmpty()) {
        String name = todo.pop();
        if (name.startsWith(METADATA) && classes.containsKey(name) && keep.add(name)) {
          todo.addAll(references(classes.get(name)).classes());
        }
      }
      Set<String> drop = new TreeSet<>();
      for (String name : classes.keySet()) {
        if (name.startsWith(METADATA) && !keep.contains(name)) {
          drop.add(name);
        }
      }
      return new ServiceMetadataTable(provider, drop);
    }

    /** The class of the SDK's metadata for endpoint prefix "s3", from the jar's own table. */
    private static String s3MetadataClass(Path jar) throws IOException {
      try (java.net.URLClassLoader loader = new java.net.URLClassLoader(
          new java.net.URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
        Class<?> metadata = Class.forName("software.amazon.awssdk.regions.ServiceMetadata", true, loader);
        return metadata.getMethod("of", String.class).invoke(null, "s3").getClass().getName().replace('.', '/');
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("the SDK's metadata for s3", e);
      }
    }
  }
}

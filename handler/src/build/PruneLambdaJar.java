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
    Path tmp = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".tmp");
    long before = Files.size(jar);
    try (ZipFile zip = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(tmp);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        String name = e.getName();
        if (name.endsWith(".class") && drop.contains(name.substring(0, name.length() - 6))) {
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
}

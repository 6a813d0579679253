package dev.s3batch.handler.testing;

import dev.s3batch.handler.action.ActionRegistry;
import dev.s3batch.handler.spi.ActionProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Action registries that find extra providers the way users' jars make them known: a services file. */
public final class Registries {

  private Registries() {}

  /** A registry whose class loader also sees a {@code META-INF/services} file naming {@code providers}. */
  @SafeVarargs
  public static ActionRegistry with(Class<? extends ActionProvider>... providers) {
    try {
      Path dir = Files.createTempDirectory("providers-");
      Path services = dir.resolve("META-INF/services/" + ActionProvider.class.getName());
      Files.createDirectories(services.getParent());
      StringBuilder sb = new StringBuilder();
      for (Class<?> p : providers) {
        sb.append(p.getName()).append('\n');
      }
      Files.writeString(services, sb);
      return new ActionRegistry(new URLClassLoader(new URL[] {dir.toUri().toURL()}, Registries.class.getClassLoader()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

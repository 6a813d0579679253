package dev.s3batch.testkit;

import java.io.IOException;
import java.io.InputStream;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;

/**
 * Ties an S3Mock started as a child process ({@code s3batch s3 serve}, {@code s3batch demo}) to
 * the process that started it. Added to S3Mock's Spring context through
 * {@code spring.main.sources}, as {@link LoopbackConnectors} is.
 *
 * <ul>
 *   <li>The server stops when its standard input ends: the parent holds the other end of that
 *       pipe, and the system closes it when the parent exits, even on {@code kill -9}. A server
 *       that does not stop within {@value #STOP_GRACE_MILLIS} ms is halted.
 *   <li>When every connector has started, it prints {@value #READY} and the connectors' ports
 *       on one line of standard output, so the parent knows that this process, not another one on
 *       the same port, is the one answering.
 * </ul>
 */
public class ParentLifeline implements ApplicationListener<ApplicationReadyEvent> {

  /** The line printed once the server is ready. */
  public static final String READY = "s3batch-local-s3-ready";

  /** How long a stop may take after the parent is gone. */
  static final long STOP_GRACE_MILLIS = 10_000;

  public ParentLifeline() {
    Thread watcher = new Thread(ParentLifeline::stopAtEndOfInput, "s3batch-parent-lifeline");
    watcher.setDaemon(true);
    watcher.start();
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    StringBuilder line = new StringBuilder(READY);
    if (event.getApplicationContext() instanceof WebServerApplicationContext web
        && web.getWebServer() instanceof TomcatWebServer tomcat) {
      for (Connector connector : tomcat.getTomcat().getService().findConnectors()) {
        line.append(' ').append(connector.getLocalPort());
      }
    }
    System.out.println(line);
    System.out.flush();
  }

  private static void stopAtEndOfInput() {
    InputStream in = System.in;
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // the parent writes nothing; anything it does write is ignored
      }
    } catch (IOException e) {
      // a broken pipe means the same as its end: the parent is gone
    }
    Thread halt = new Thread(() -> {
      try {
        Thread.sleep(STOP_GRACE_MILLIS);
      } catch (InterruptedException ignored) {
        // halt now
      }
      Runtime.getRuntime().halt(0);
    }, "s3batch-parent-lifeline-halt");
    halt.setDaemon(true);
    halt.start();
    System.exit(0);
  }
}

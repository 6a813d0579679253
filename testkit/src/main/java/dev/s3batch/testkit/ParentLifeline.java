package dev.s3batch.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Service;
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
 *   <li>On a line {@code open PORT FROM} on standard input it opens a plain-HTTP connector on
 *       127.0.0.1:PORT, set up like the one on port FROM, then closes that one; it prints
 *       {@value #OPENED} PORT once the new port answers, or {@value #OPEN_FAILED} PORT and the
 *       reason. So a parent can seed the server on a port it never tells anyone, and open the
 *       advertised port only once the seeding is done ({@code s3batch s3 serve --bucket B=DIR}).
 * </ul>
 */
public class ParentLifeline implements ApplicationListener<ApplicationReadyEvent> {

  /** The line printed once the server is ready. */
  public static final String READY = "s3batch-local-s3-ready";

  /** The line printed once {@code open PORT FROM} opened PORT. */
  public static final String OPENED = "s3batch-local-s3-open";

  /** The line printed when {@code open PORT FROM} could not open PORT. */
  public static final String OPEN_FAILED = "s3batch-local-s3-open-failed";

  /** The connector properties copied from the seeding connector to the opened one. */
  private static final List<String> COPIED = List.of("maxHttpHeaderSize", "connectionTimeout", "keepAliveTimeout",
      "maxKeepAliveRequests", "maxSwallowSize", "relaxedPathChars", "relaxedQueryChars", "rejectIllegalHeader");

  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile Service service;

  /** How long a stop may take after the parent is gone. */
  static final long STOP_GRACE_MILLIS = 10_000;

  public ParentLifeline() {
    Thread watcher = new Thread(this::stopAtEndOfInput, "s3batch-parent-lifeline");
    watcher.setDaemon(true);
    watcher.start();
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    StringBuilder line = new StringBuilder(READY);
    if (event.getApplicationContext() instanceof WebServerApplicationContext web
        && web.getWebServer() instanceof TomcatWebServer tomcat) {
      service = tomcat.getTomcat().getService();
      for (Connector connector : service.findConnectors()) {
        line.append(' ').append(connector.getLocalPort());
      }
    }
    ready.countDown();
    System.out.println(line);
    System.out.flush();
  }

  private void stopAtEndOfInput() {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] words = line.strip().split(" ");
        if (words.length == 3 && words[0].equals("open")) {
          open(words[1], words[2]);
        } // anything else is ignored
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

  /** Opens port {@code to} like the connector on port {@code from}, then closes that one; says how it went. */
  private void open(String to, String from) {
    String result;
    try {
      ready.await();
      result = OPENED + " " + openPort(Integer.parseInt(to), Integer.parseInt(from));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException | LifecycleException e) {
      result = OPEN_FAILED + " " + to + " " + String.valueOf(e.getMessage()).replace('\n', ' ')
          + (e.getCause() == null ? "" : ": " + e.getCause().getMessage());
    }
    System.out.println(result);
    System.out.flush();
  }

  private int openPort(int port, int from) throws LifecycleException {
    Service s = service;
    if (s == null) {
      throw new IllegalStateException("the server has no Tomcat service");
    }
    Connector seeding = null;
    for (Connector c : s.findConnectors()) {
      if (c.getLocalPort() == from) {
        seeding = c;
      }
    }
    if (seeding == null) {
      throw new IllegalArgumentException("no connector on port " + from);
    }
    Connector opened = new Connector(seeding.getProtocolHandlerClassName());
    opened.setPort(port);
    opened.setProperty("address", LoopbackConnectors.ADDRESS);
    opened.setEncodedSolidusHandling(seeding.getEncodedSolidusHandling());
    opened.setAllowBackslash(seeding.getAllowBackslash());
    opened.setMaxPostSize(seeding.getMaxPostSize());
    opened.setMaxParameterCount(seeding.getMaxParameterCount());
    opened.setURIEncoding(seeding.getURIEncoding());
    for (String name : COPIED) {
      Object value = seeding.getProperty(name);
      if (value != null) {
        opened.setProperty(name, String.valueOf(value));
      }
    }
    s.addConnector(opened); // starts it: the service runs
    if (opened.getLocalPort() != port) {
      s.removeConnector(opened);
      throw new IllegalStateException("port " + port + " did not open (state " + opened.getStateName() + ")");
    }
    s.removeConnector(seeding);
    seeding.destroy();
    return port;
  }
}

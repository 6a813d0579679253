package dev.s3batch.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The function {@link LambdaServeBench} times the service with: it reads its event and answers
 * how long it took itself ({@code {"ownNanos": N}}), so that the round trip minus that is the
 * overhead of the service and the runtime client.
 */
public final class TimedEchoFunction implements RequestStreamHandler {

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
    long start = System.nanoTime();
    in.readAllBytes();
    long own = System.nanoTime() - start;
    out.write(("{\"ownNanos\":" + own + "}").getBytes(StandardCharsets.UTF_8));
  }
}

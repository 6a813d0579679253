package dev.s3batch.handler.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * An SDK interceptor on the test's real client: counts the requests by operation
 * ({@code UploadPartCopyRequest}) and runs hooks before or after chosen operations, so a test can
 * let time pass or change S3 between two calls of the handler.
 */
public final class RequestRecorder implements ExecutionInterceptor {

  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final Map<String, CopyOnWriteArrayList<Consumer<Object>>> before = new ConcurrentHashMap<>();
  private final Map<String, CopyOnWriteArrayList<Consumer<Object>>> after = new ConcurrentHashMap<>();
  private final Map<String, CopyOnWriteArrayList<Consumer<Object>>> sending = new ConcurrentHashMap<>();

  /** Requests of this operation ({@code "CopyObjectRequest"}) seen since the last reset. */
  public int count(String requestClass) {
    AtomicInteger n = counts.get(requestClass);
    return n == null ? 0 : n.get();
  }

  /** Requests of any operation seen since the last reset. */
  public int total() {
    return counts.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** Forgets the counts and hooks. */
  public void reset() {
    counts.clear();
    before.clear();
    after.clear();
    sending.clear();
  }

  /** Runs {@code hook} (with the request) before each request of this operation is sent. */
  public void before(String requestClass, Consumer<Object> hook) {
    before.computeIfAbsent(requestClass, k -> new CopyOnWriteArrayList<>()).add(hook);
  }

  /** Runs {@code hook} (with the request) after each successful request of this operation. */
  public void after(String requestClass, Consumer<Object> hook) {
    after.computeIfAbsent(requestClass, k -> new CopyOnWriteArrayList<>()).add(hook);
  }

  /**
   * Runs {@code hook} just before each attempt of this operation goes on the wire: inside the
   * SDK's call timeout, so a hook that sleeps stands for a slow S3.
   */
  public void whileSending(String requestClass, Consumer<Object> hook) {
    sending.computeIfAbsent(requestClass, k -> new CopyOnWriteArrayList<>()).add(hook);
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    String name = context.request().getClass().getSimpleName();
    sending.getOrDefault(name, new CopyOnWriteArrayList<>()).forEach(h -> h.accept(context.request()));
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String name = context.request().getClass().getSimpleName();
    counts.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
    before.getOrDefault(name, new CopyOnWriteArrayList<>()).forEach(h -> h.accept(context.request()));
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    String name = context.request().getClass().getSimpleName();
    after.getOrDefault(name, new CopyOnWriteArrayList<>()).forEach(h -> h.accept(context.request()));
  }
}

package dev.s3batch.tools.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The most frequent messages of a stream, in bounded memory (the Space-Saving algorithm): at most
 * {@code capacity} messages are counted; a new message past that replaces the least frequent one
 * and inherits its count, so a count can be over-estimated by at most the count it replaced
 * ({@link Entry#error()}). Exact while fewer than {@code capacity} distinct messages were seen.
 * Not thread-safe.
 */
public final class TopMessages {

  /**
   * A counted message.
   *
   * @param message the message
   * @param count how many times it was seen (an upper bound when {@code error} is above 0)
   * @param error how much of {@code count} may belong to messages it replaced
   * @param exampleKey the key of one row with this message
   */
  public record Entry(String message, long count, long error, String exampleKey) {}

  private static final class Counter {
    final String message;
    long count;
    long error;
    String exampleKey;
    final long order;

    Counter(String message, long count, long error, String exampleKey, long order) {
      this.message = message;
      this.count = count;
      this.error = error;
      this.exampleKey = exampleKey;
      this.order = order;
    }
  }

  private final int capacity;
  private final Map<String, Counter> counters = new HashMap<>();
  private final TreeSet<Counter> byCount =
      new TreeSet<>(Comparator.<Counter>comparingLong(c -> c.count).thenComparingLong(c -> c.order));
  private long order;

  /** Counts at most {@code capacity} distinct messages. */
  public TopMessages(int capacity) {
    this.capacity = capacity;
  }

  /** Counts one occurrence of {@code message}, on the row of {@code key}. */
  public void add(String message, String key) {
    Counter c = counters.get(message);
    if (c != null) {
      if (c == byCount.last()) {
        c.count++; // the most frequent stays last in the order: no need to take it out and put it back
        return;
      }
      byCount.remove(c);
      c.count++;
      byCount.add(c);
      return;
    }
    if (counters.size() < capacity) {
      c = new Counter(message, 1, 0, key, order++);
    } else {
      Counter least = byCount.pollFirst();
      counters.remove(least.message);
      c = new Counter(message, least.count + 1, least.count, key, order++);
    }
    counters.put(message, c);
    byCount.add(c);
  }

  /** The {@code n} most frequent messages, most frequent first. */
  public List<Entry> top(int n) {
    List<Entry> out = new ArrayList<>(n);
    for (Counter c : byCount.descendingSet()) {
      if (out.size() == n) {
        break;
      }
      out.add(new Entry(c.message, c.count, c.error, c.exampleKey));
    }
    return out;
  }
}

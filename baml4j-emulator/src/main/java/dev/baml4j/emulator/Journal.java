package dev.baml4j.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests an emulator received, oldest first. It keeps the latest {@code capacity}
 * requests so that load runs don't grow memory without bound; {@link #total()} counts all.
 */
public final class Journal {
  private final ConcurrentLinkedDeque<RecordedRequest> entries = new ConcurrentLinkedDeque<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicLong total = new AtomicLong();
  private final int capacity;

  Journal(int capacity) {
    this.capacity = capacity;
  }

  void record(RecordedRequest request) {
    entries.addLast(request);
    total.incrementAndGet();
    if (size.incrementAndGet() > capacity && entries.pollFirst() != null) {
      size.decrementAndGet();
    }
  }

  /** A snapshot of the kept requests, oldest first. */
  public List<RecordedRequest> requests() {
    return new ArrayList<>(entries);
  }

  /** Kept requests whose path contains {@code fragment} (e.g. {@code "/converse-stream"}). */
  public List<RecordedRequest> requests(String fragment) {
    List<RecordedRequest> out = new ArrayList<>();
    for (RecordedRequest r : entries) {
      if (r.path().contains(fragment)) {
        out.add(r);
      }
    }
    return out;
  }

  /** The latest request, or {@code null}. */
  public RecordedRequest last() {
    return entries.peekLast();
  }

  /** How many requests are kept. */
  public int size() {
    return size.get();
  }

  /** How many requests arrived since the start or the last reset, kept or not. */
  public long total() {
    return total.get();
  }

  void clear() {
    entries.clear();
    size.set(0);
    total.set(0);
  }
}

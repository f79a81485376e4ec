package dev.baml4j.emulator.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the ConverseStream replies in progress, and can hold them all after {@code messageStart}
 * (so a test can have many streams open at once, whatever the client's speed) until released.
 */
public final class StreamRegistry {
  private final AtomicInteger open = new AtomicInteger();
  private final Set<StreamSession> waiting = ConcurrentHashMap.newKeySet();
  private volatile boolean held;

  public int open() {
    return open.get();
  }

  void opened() {
    open.incrementAndGet();
  }

  void closed() {
    open.decrementAndGet();
  }

  public void hold() {
    held = true;
  }

  /** Lets every held stream go on. */
  public void release() {
    held = false;
    for (StreamSession s : waiting) {
      if (waiting.remove(s)) {
        s.resume();
      }
    }
  }

  /** True when the session must wait; it is then resumed by {@link #release()}. */
  boolean parkIfHeld(StreamSession session) {
    if (!held) {
      return false;
    }
    waiting.add(session);
    // release() may have run between the check and the add: then undo and go on.
    if (!held && waiting.remove(session)) {
      return false;
    }
    return true;
  }

  void forget(StreamSession session) {
    waiting.remove(session);
  }
}

package dev.baml4j.emulator.internal;

import dev.baml4j.emulator.RecordedRequest;
import java.util.List;

/** What the server needs from the public {@code BedrockEmulator}: its journal and its reset. */
public interface EmulatorHooks {
  void record(RecordedRequest request);

  List<RecordedRequest> journal();

  /** Clears the journal and the run-time control. */
  void reset();

  /** Applies a {@code POST /__control}. */
  void control(RulesJson.Control control);
}

package io.tickwire.recorder;

/**
 * Where the flight recorder hands a completed incident. Called on the recorder's (the router's) event loop, so an
 * implementation must not block: it should hand the incident to a blocking executor for {@link IncidentWriter}.
 */
@FunctionalInterface
public interface IncidentSink {
  void accept(Incident incident);
}

package mproc.worker;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import mproc.fixtures.FixtureSource;
import mproc.fixtures.GlobalFixtureException;
import mproc.reporting.Serialized;
import mproc.reporting.Throwables;
import mproc.transport.Channel;
import mproc.transport.IdleStrategy;
import mproc.transport.Message;
import mproc.transport.Message.FixtureRequest;
import mproc.transport.Message.FixtureValue;

/**
 * A worker's global fixtures: asks the parent for a value the first time a test needs it and waits
 * for it on the fixture channel, where the parent publishes each fixture once for every worker.
 * Each value is deserialized once per worker; a fixture that failed fails every test that needs it.
 */
final class FixtureClient implements FixtureSource {
  private final Channel fixtures;
  private final Channel results;
  private final Map<String, FixtureValue> published = new HashMap<>();
  private final Map<String, Object> values = new HashMap<>();

  FixtureClient(Channel fixtures, Channel results) {
    this.fixtures = fixtures;
    this.results = results;
  }

  @Override
  public synchronized Object get(String name) {
    if (values.containsKey(name)) {
      return values.get(name);
    }
    readPublished();
    if (!published.containsKey(name)) {
      results.send(new FixtureRequest(name));
      IdleStrategy idle = new IdleStrategy(1_000_000);
      while (!published.containsKey(name)) {
        if (readPublished()) {
          idle.reset();
        } else {
          idle.idle(); // the parent is computing it; if the parent dies, WorkerWatch ends this JVM
        }
      }
    }
    FixtureValue v = published.get(name);
    if (v.failure() != null) {
      Throwable failure = Throwables.decode(v.failure());
      throw new GlobalFixtureException(failure.getMessage(), failure.getCause() != null ? failure.getCause() : failure);
    }
    if (v.error() != null) {
      throw new GlobalFixtureException(v.error());
    }
    Object value;
    try {
      value = v.value() == null ? null : Serialized.read(v.value());
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      throw new GlobalFixtureException("global fixture '" + name + "' cannot be read in this worker: " + e, e);
    }
    values.put(name, value);
    return value;
  }

  private boolean readPublished() {
    boolean any = false;
    for (Message m = fixtures.poll(); m != null; m = fixtures.poll()) {
      if (m instanceof FixtureValue v) {
        published.putIfAbsent(v.name(), v);
        any = true;
      }
    }
    return any;
  }
}

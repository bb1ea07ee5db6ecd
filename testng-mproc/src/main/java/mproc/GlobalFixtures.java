package mproc;

import mproc.fixtures.FixtureSource;
import mproc.fixtures.GlobalFixtureException;

/**
 * Looks up a {@link GlobalFixture}'s value by name, from a test or configuration method:
 * {@code GlobalFixtures.get("schema", String.class)}. In a worker the value is a deserialized copy
 * of the one the parent computed; without workers it is the one value of this JVM.
 */
public final class GlobalFixtures {
  private GlobalFixtures() {}

  /**
   * The named fixture's value, computed at most once per run.
   *
   * @throws GlobalFixtureException if there is no such fixture, it failed, or its value is not a
   *     {@code type}
   */
  public static <T> T get(String name, Class<T> type) {
    Object value = FixtureSource.Current.get().get(name);
    if (value != null && !type.isInstance(value)) {
      throw new GlobalFixtureException(
          "global fixture '" + name + "' is a " + value.getClass().getName() + ", not a " + type.getName());
    }
    return type.cast(value);
  }
}

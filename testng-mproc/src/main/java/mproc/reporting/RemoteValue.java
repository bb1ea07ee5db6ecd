package mproc.reporting;

import java.io.Serializable;

/** A parameter value from a worker that could not be serialized: it keeps its text. */
public final class RemoteValue implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String text;

  public RemoteValue(String text) {
    this.text = text;
  }

  @Override
  public String toString() {
    return text;
  }
}

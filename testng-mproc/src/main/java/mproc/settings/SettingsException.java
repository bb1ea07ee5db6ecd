package mproc.settings;

/** A setting the user got wrong. Its message is one line that says what is wrong and how to fix it. */
public class SettingsException extends RuntimeException {
  public SettingsException(String message) {
    super(message, null, false, false);
  }
}

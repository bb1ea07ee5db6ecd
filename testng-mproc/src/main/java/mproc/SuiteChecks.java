package mproc;

import mproc.transport.JvmFlags;
import org.testng.xml.XmlSuite;
import org.testng.xml.XmlTest;

/** What a suite spread over workers is checked for before its run starts. */
final class SuiteChecks {
  private SuiteChecks() {}

  /** Chronicle Queue needs these JVM flags; without them, one line that says how to add them. */
  static void requireChronicleFlags() {
    if (!JvmFlags.presentInThisJvm()) {
      throw new mproc.settings.SettingsException(
          "mproc: this JVM lacks the flags Chronicle Queue needs; run through mproc.TestNG, or add "
              + String.join(" ", JvmFlags.REQUIRED) + " to the JVM options (Surefire: argLine)");
    }
  }

  /** {@code parallel=} of the suite or its tests is ignored: said once, on stderr. */
  static void warnOfParallel(XmlSuite xml) {
    if (xml.getParallel() != null && xml.getParallel().isParallel()) {
      System.err.println(
          "mproc: parallel=\"" + xml.getParallel() + "\" in suite '" + xml.getName()
              + "' is ignored: each worker runs its tests one at a time; the workers are the parallelism");
      return;
    }
    for (XmlTest test : xml.getTests()) {
      if (test.getParallel() != null && test.getParallel().isParallel()) {
        System.err.println(
            "mproc: parallel=\"" + test.getParallel() + "\" in test '" + test.getName() + "' of suite '" + xml.getName()
                + "' is ignored: each worker runs its tests one at a time; the workers are the parallelism");
      }
    }
  }
}

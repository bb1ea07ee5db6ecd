package mproc.testng;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.testng.ITestContext;
import org.testng.ITestListener;
import org.testng.ITestNGListener;

/**
 * Which of the parent's test listeners also run in the workers, so that each hears a test once:
 * a listener that shapes execution ({@link SessionSuite#shapesExecution}) runs in every worker's
 * TestNG when a worker's TestNG gets it too: from the suite file, from TestNG's service loader, or
 * from {@code @Listeners} on a test class. Such a listener hears each test live in the worker that
 * runs it (Allure records steps and attachments there); replaying the result to its copy in the
 * parent made it hear every test twice (Allure wrote each result twice).
 */
final class ListenersInWorkers {
  private final Set<String> inWorkers = new HashSet<>();
  /** Read once per JVM, not once per {@code <test>}: the class path does not change during a run. */
  private static final java.util.function.Supplier<Set<String>> SERVICE_LOADED = new java.util.function.Supplier<>() {
    private Set<String> names;

    @Override
    public synchronized Set<String> get() {
      if (names == null) {
        names = serviceLoaded();
      }
      return names;
    }
  };

  ListenersInWorkers(ITestContext context) {
    Set<String> reachWorkers = new HashSet<>(context.getSuite().getXmlSuite().getListeners());
    reachWorkers.addAll(SERVICE_LOADED.get());
    for (String name : reachWorkers) {
      if (SessionSuite.shapesExecution(name)) {
        inWorkers.add(name);
      }
    }
    // Every session of the <test> registers all the listeners its classes declare (SessionSuite), as
    // TestNG has them hear the whole run: each hears each test live where it runs, not again here.
    inWorkers.addAll(SessionSuite.declaredListeners(context.getCurrentXmlTest()));
  }

  /** The listeners the parent replays results to: those that do not hear them in a worker. */
  List<ITestListener> replayedTo(List<ITestListener> listeners) {
    if (inWorkers.isEmpty()) {
      return listeners;
    }
    return listeners.stream().filter(l -> !inWorkers.contains(l.getClass().getName())).toList();
  }

  /** The classes TestNG's service loader registers, as TestNG finds them (the context class loader). */
  private static Set<String> serviceLoaded() {
    Set<String> names = new HashSet<>();
    try {
      Enumeration<URL> files = Thread.currentThread().getContextClassLoader()
          .getResources("META-INF/services/" + ITestNGListener.class.getName());
      while (files.hasMoreElements()) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(files.nextElement().openStream(), StandardCharsets.UTF_8))) {
          in.lines().map(l -> l.replaceAll("#.*", "").trim()).filter(l -> !l.isEmpty()).forEach(names::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read TestNG's service-loader files", e);
    }
    return names;
  }
}

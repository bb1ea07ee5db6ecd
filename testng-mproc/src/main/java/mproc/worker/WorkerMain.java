package mproc.worker;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import mproc.launch.RuntimeProperties;
import mproc.reporting.CucumberReports;
import mproc.fixtures.FixtureInjector;
import mproc.fixtures.FixtureSource;
import mproc.reporting.QuietLogging;
import mproc.settings.Settings;
import mproc.transport.Channel;
import mproc.transport.ChronicleProperties;
import mproc.transport.ClaimTable;
import mproc.transport.Transport;
import mproc.transport.Message.WorkerReady;
import mproc.transport.RunDirectory;

/** The entry point of a worker JVM: {@code WorkerMain <run directory> <worker id> <parent pid>}. */
public final class WorkerMain {
  private WorkerMain() {}

  public static void main(String[] args) {
    RuntimeProperties.apply(RuntimeProperties.in(Path.of(args[0])), ManagementFactory.getRuntimeMXBean().getInputArguments());
    ChronicleProperties.apply();
    QuietLogging.apply();
    int id = Integer.parseInt(args[1]);
    System.setProperty(Settings.WORKER_ID, String.valueOf(id));
    CucumberReports.giveWorkerItsOwnFiles(id);
    RunDirectory dir = RunDirectory.open(Path.of(args[0]));
    WorkerWatch.start(Long.parseLong(args[2]), dir.threadDumpRequest(id), dir.threadDump(id));
    Transport transport = mproc.launch.Transports.forWorker(dir);
    try (Channel work = transport.openWork();
        Channel results = transport.openResults(id);
        Channel fixtures = transport.openFixtures();
        ClaimTable claims = transport.openClaims()) {
      FixtureClient fixtureClient = new FixtureClient(fixtures, results);
      FixtureSource.Current.install(fixtureClient);
      results.send(new WorkerReady(id, ProcessHandle.current().pid(), System.currentTimeMillis()));
      new Worker(id, true, work, results, claims, new FixtureInjector(fixtureClient), r -> {}, () -> {}).run();
    } catch (mproc.transport.TransportLostException e) {
      System.err.println("mproc: worker " + id + " stopped: " + e.getMessage().replaceFirst("^mproc: ", "")); // its host says the rest
      System.exit(1);
    } catch (RuntimeException | Error e) {
      // Straight to stderr, which the parent shows with the worker's name: a user's JVM may have no
      // SLF4J provider, and this is a worker's crash, not a test's failure.
      System.err.println("mproc: worker " + id + " stopped: " + e);
      e.printStackTrace(System.err);
      System.exit(1);
    }
    System.exit(0);
  }
}

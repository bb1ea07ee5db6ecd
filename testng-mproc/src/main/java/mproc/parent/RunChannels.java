package mproc.parent;

import java.io.PrintStream;
import java.util.List;
import mproc.settings.Settings;
import mproc.transport.Channel;
import mproc.transport.ClaimTable;
import mproc.transport.RunDirectory;
import mproc.transport.Transport;

/**
 * What the parent opens for a run, opened together and closed together: the claim table, the
 * {@link WorkerPool} with its first worker, the work and fixture channels, and the result channel
 * of the parent's own sessions. If one fails to open, what was opened is closed.
 */
final class RunChannels {
  final ClaimTable claims;
  final WorkerPool pool;
  final Channel work;
  final Channel fixtures;
  /** Null when the parent runs no tests itself. */
  final Channel parentResults;

  private RunChannels(ClaimTable claims, WorkerPool pool, Channel work, Channel fixtures, Channel parentResults) {
    this.claims = claims;
    this.pool = pool;
    this.work = work;
    this.fixtures = fixtures;
    this.parentResults = parentResults;
  }

  /** The run's private directory under {@code mproc.dir}; what stops it is one line. */
  static RunDirectory createDirectory(Settings settings) {
    try {
      return RunDirectory.create(settings.baseDir());
    } catch (IllegalStateException e) {
      throw new mproc.settings.SettingsException("mproc: " + e.getMessage());
    } catch (java.io.UncheckedIOException e) {
      throw new mproc.settings.SettingsException(
          "mproc: " + e.getMessage() + " (" + e.getCause() + "); point mproc.dir at a directory you can write to");
    }
  }

  static RunChannels open(Settings settings, RunDirectory directory, Transport transport, boolean parentWorks, int firstWorkers,
      PrintStream out, PrintStream err) {
    ClaimTable claims = transport.openClaims();
    WorkerPool pool = null;
    Channel work = null;
    Channel fixtures = null;
    try {
      pool = new WorkerPool(settings, parentWorks ? settings.cores() - 1 : settings.cores(), directory, transport, out, err);
      // The first worker starts before this JVM opens its first queue (Chronicle's set-up, ~0.1 s),
      // which the worker does not need: either side may create a queue.
      pool.want(firstWorkers);
      work = transport.openWork();
      fixtures = transport.openFixtures();
      Channel parentResults = parentWorks ? new InProcessChannel() : null; // read in this JVM only
      return new RunChannels(claims, pool, work, fixtures, parentResults);
    } catch (RuntimeException | Error e) {
      for (RemoteWorker w : pool == null ? List.<RemoteWorker>of() : pool.shutDown()) {
        w.process.stop(0);
        w.results.close();
      }
      if (pool != null) {
        pool.closeOutput();
      }
      for (Channel c : new Channel[] {work, fixtures}) {
        if (c != null) {
          c.close();
        }
      }
      claims.close();
      throw e;
    }
  }

  /** Stops every worker JVM this machine started, at once (the joined hosts' stop on their own). */
  void stopLocalWorkers() {
    for (RemoteWorker w : pool.shutDown()) {
      if (w.local()) {
        w.process.stop(0);
      }
    }
  }

  void close() {
    for (RemoteWorker w : List.copyOf(pool.all())) {
      w.results.close();
    }
    if (parentResults != null) {
      parentResults.close();
    }
    work.close();
    fixtures.close();
    claims.close();
    pool.closeOutput();
  }
}

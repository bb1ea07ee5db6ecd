package mproc.transport;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.testng.annotations.Test;

public class ClaimTableTest {
  private static final int UNITS = 20_000;

  @Test
  public void aUnitIsClaimedOnceAndRemembersItsOwner() throws Exception {
    Path dir = TempDirs.directory("claims");
    try (RunDirectory run = RunDirectory.open(dir);
        ClaimTable table = MappedClaimTable.open(run.claimFile())) {
      assertEquals(table.owner(5), 0L);
      assertTrue(table.claim(5, 2));
      assertFalse(table.claim(5, 3));
      assertFalse(table.claim(5, 2));
      assertEquals(table.owner(5), 2L);
    }
  }

  @Test
  public void theGateIsDecidedOnceOpenOrShutAndIsNoUnit() throws Exception {
    Path dir = TempDirs.directory("claims");
    try (RunDirectory run = RunDirectory.open(dir);
        ClaimTable table = MappedClaimTable.open(run.claimFile())) {
      assertEquals(table.gate(), 0L);
      assertTrue(table.claim(ClaimTable.CAPACITY - 1, 7), "the last unit is a unit");
      assertEquals(table.gate(), 0L, "and not the gate");
      assertTrue(table.decideGate(ClaimTable.GATE_SHUT));
      assertFalse(table.decideGate(ClaimTable.GATE_OPEN), "decided once");
      assertEquals(table.gate(), ClaimTable.GATE_SHUT);
      try (ClaimTable other = MappedClaimTable.open(run.claimFile())) {
        assertEquals(other.gate(), ClaimTable.GATE_SHUT, "another process's view");
      }
      org.testng.Assert.expectThrows(IllegalArgumentException.class, () -> table.decideGate(3));
      org.testng.Assert.expectThrows(IllegalArgumentException.class, () -> table.claim(ClaimTable.CAPACITY, 1));
    }
  }

  @Test
  public void racingThreadsClaimEveryUnitExactlyOnce() throws Exception {
    Path dir = TempDirs.directory("claims");
    AtomicIntegerArray wins = new AtomicIntegerArray(UNITS);
    try (RunDirectory run = RunDirectory.open(dir);
        ClaimTable table = MappedClaimTable.open(run.claimFile())) {
      race(owner -> {
        for (int u = 0; u < UNITS; u++) {
          if (table.claim(u, owner)) {
            wins.incrementAndGet(u);
          }
        }
      });
    }
    for (int u = 0; u < UNITS; u++) {
      assertEquals(wins.get(u), 1, "unit " + u);
    }
  }

  @Test
  public void aRowIsClaimedOnceApartFromItsUnitAndFromOtherUnitsRows() throws Exception {
    Path dir = TempDirs.directory("claims");
    try (RunDirectory run = RunDirectory.open(dir);
        ClaimTable table = MappedClaimTable.open(run.claimFile())) {
      assertEquals(table.rowOwner(4, 0), 0L);
      assertTrue(table.claimRow(4, 0, 2));
      assertFalse(table.claimRow(4, 0, 3));
      assertEquals(table.rowOwner(4, 0), 2L);
      assertEquals(table.owner(4), 0L, "the unit is not claimed by its row");
      assertTrue(table.claimRow(40, 0, 3), "another unit's row 0");
      assertTrue(table.claimRow(4, ClaimTable.ROWS_END, 3));
      assertEquals(table.rowOwner(4, ClaimTable.ROWS_END), 3L);
      try (ClaimTable other = MappedClaimTable.open(run.claimFile())) {
        assertEquals(other.rowOwner(4, 0), 2L, "another process's view");
        assertEquals(other.rowOwner(4, 1), 0L);
      }
      org.testng.Assert.expectThrows(IllegalArgumentException.class, () -> table.claimRow(4, -1, 1));
    }
  }

  @Test
  public void racingThreadsClaimEveryRowOfManyUnitsExactlyOnce() throws Exception {
    Path dir = TempDirs.directory("claims");
    int units = 50;
    int rows = 400;
    AtomicIntegerArray wins = new AtomicIntegerArray(units * rows);
    try (RunDirectory run = RunDirectory.open(dir);
        ClaimTable table = MappedClaimTable.open(run.claimFile())) {
      race(owner -> {
        for (int u = 0; u < units; u++) {
          for (int r = 0; r < rows; r++) {
            if (table.claimRow(u, r, owner)) {
              wins.incrementAndGet(u * rows + r);
            }
          }
        }
      });
      for (int i = 0; i < units * rows; i++) {
        assertEquals(wins.get(i), 1, "unit " + i / rows + " row " + i % rows);
        assertTrue(table.rowOwner(i / rows, i % rows) >= 1);
      }
    }
  }

  @Test
  public void racingJvmsClaimEveryUnitExactlyOnce() throws Exception {
    Path dir = TempDirs.directory("claims");
    try (RunDirectory run = RunDirectory.open(dir)) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<Process> processes = new ArrayList<>();
      for (int owner = 1; owner <= 3; owner++) {
        processes.add(
            new ProcessBuilder(
                    java, "-cp", System.getProperty("java.class.path"), ClaimRacer.class.getName(),
                    run.claimFile().toString(), String.valueOf(owner), String.valueOf(UNITS))
                .redirectErrorStream(true)
                .start());
      }
      int total = 0;
      for (Process p : processes) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
          String line = out.readLine();
          assertEquals(p.waitFor(), 0, "racer failed: " + line);
          total += Integer.parseInt(line.trim());
        }
      }
      assertEquals(total, UNITS, "claims won across JVMs");
      try (ClaimTable table = MappedClaimTable.open(run.claimFile())) {
        for (int u = 0; u < UNITS; u++) {
          assertTrue(table.owner(u) >= 1 && table.owner(u) <= 3, "unit " + u + " owner " + table.owner(u));
        }
      }
    }
  }

  /** Runs {@code claims} on four threads at once, as owners 1 to 4, and waits for them. */
  private static void race(java.util.function.LongConsumer claims) throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 1; t <= 4; t++) {
      long owner = t;
      Thread thread = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        claims.accept(owner);
      });
      thread.start();
      threads.add(thread);
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
  }

  /** A separate JVM that claims what it can and prints how many it won. */
  public static final class ClaimRacer {
    public static void main(String[] args) {
      int won = 0;
      try (ClaimTable table = MappedClaimTable.open(Path.of(args[0]))) {
        long owner = Long.parseLong(args[1]);
        int units = Integer.parseInt(args[2]);
        for (int u = 0; u < units; u++) {
          if (table.claim(u, owner)) {
            won++;
          }
        }
      }
      System.out.println(won);
    }
  }
}

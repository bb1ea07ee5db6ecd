package mproc;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import mproc.planning.Durations;
import org.testng.annotations.Test;

/** Which way a suite runs next, from what earlier runs kept in the durations file. */
public class SuiteModesTest {
  private static Durations file(String text) throws Exception {
    Path f = TempDirs.directory("mproc-modes").resolve("durations.txt");
    Files.writeString(f, text);
    return Durations.read(f);
  }

  @Test
  public void withoutARunWithWorkersItRunsWithWorkers() throws Exception {
    assertFalse(SuiteModes.choose(file("# run 1\n"), "s").alone());
  }

  @Test
  public void aRunWithWorkersThatSaturatedTheProcessorsIsComparedWithOneAlone() throws Exception {
    SuiteModes.Choice choice = SuiteModes.choose(file("# run 2\n18000\t2\t@workers s\n950\t2\t@busy s\n"), "s");
    assertTrue(choice.alone());
    assertEquals(choice.why(), "with worker JVMs it took 18.0 s and the processors were 95 % busy; this run measures it here alone, to compare");
    assertFalse(SuiteModes.choose(file("# run 2\n18000\t2\t@workers s\n600\t2\t@busy s\n"), "s").alone(), "processors left free");
  }

  @Test
  public void theFasterWayWinsUntilTheOtherIsTenRunsOld() throws Exception {
    assertTrue(SuiteModes.choose(file("# run 5\n16000\t5\t@alone s\n18000\t4\t@workers s\n"), "s").alone());
    assertNull(SuiteModes.choose(file("# run 5\n20000\t5\t@alone s\n18000\t4\t@workers s\n"), "s").why(), "workers: nothing to say");
    assertFalse(SuiteModes.choose(file("# run 14\n16000\t14\t@alone s\n18000\t4\t@workers s\n"), "s").alone(), "workers measured again");
    assertTrue(SuiteModes.choose(file("# run 14\n20000\t4\t@alone s\n18000\t14\t@workers s\n950\t14\t@busy s\n"), "s").alone(),
        "alone measured again while workers keep the processors busy");
    assertFalse(SuiteModes.choose(file("# run 14\n20000\t4\t@alone s\n18000\t14\t@workers s\n700\t14\t@busy s\n"), "s").alone(),
        "not once they leave processors free");
  }

  @Test
  public void aRunStartsBeforeItsSuiteIsKnownUnlessEverySuiteRunsAlone() throws Exception {
    assertFalse(SuiteModes.allAlone(file("# run 1\n")));
    assertTrue(SuiteModes.allAlone(file("# run 5\n16000\t5\t@alone a\n18000\t4\t@workers a\n")));
    assertFalse(SuiteModes.allAlone(file("# run 5\n16000\t5\t@alone a\n18000\t4\t@workers a\n18000\t4\t@workers b\n")));
  }

  @Test
  public void observationsAreKeptApartFromTestDurations() throws Exception {
    Durations d = file("# run 1\n100\t1\tp.C.m\n90000\t1\t@workers s\n");
    assertTrue(d.allKnownTakeLessThan(200), "a suite's wall time is not a test's");
    expectThrows(IllegalArgumentException.class, () -> d.observe("p.C.m", 1));
  }
}

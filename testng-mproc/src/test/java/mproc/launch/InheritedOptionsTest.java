package mproc.launch;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;

import java.util.List;
import org.testng.annotations.Test;

public class InheritedOptionsTest {
  @Test
  public void optionsThatChangeBehaviourAreInheritedInTheirOrder() {
    List<String> args = List.of("-ea:com.example...", "-esa", "--add-opens=java.base/java.lang=ALL-UNNAMED", "--enable-preview",
        "-javaagent:/jacoco.jar=destfile=target/jacoco.exec", "-Xss4m", "-Xmx1g", "-Duser.language=fr", "-Dfile.encoding=UTF-8",
        "-XX:+UseSerialGC");
    InheritedOptions options = InheritedOptions.of(args, null, null);
    assertEquals(options.inherited(), args);
    assertNull(options.notice());
  }

  @Test
  public void aDebuggersOrJmxsPortOrAFlightRecordingIsWithheldAndNamedOnce() {
    InheritedOptions options = InheritedOptions.of(List.of("-agentlib:jdwp=transport=dt_socket,address=5005", "-ea",
        "-Dcom.sun.management.jmxremote.port=9010", "-XX:StartFlightRecording=filename=rec.jfr"), null, null);
    assertEquals(options.inherited(), List.of("-ea"));
    assertEquals(options.notice(), "mproc: workers do not get -agentlib:jdwp=transport=dt_socket,address=5005"
        + " -Dcom.sun.management.jmxremote.port=9010 -XX:StartFlightRecording=filename=rec.jfr"
        + " (a port or file only one JVM can use); give a worker its own with mproc.jvmArgs if needed");
  }

  @Test
  public void whatTheEnvironmentGaveIsLeftToTheEnvironmentWhichWorkersInherit() {
    InheritedOptions options = InheritedOptions.of(
        List.of("-javaagent:agent.jar", "-Dtool=1", "-Djdk=1", "-javaagent:agent.jar", "-ea"), "-javaagent:agent.jar  -Dtool=1", "-Djdk=1");
    assertEquals(options.inherited(), List.of("-javaagent:agent.jar", "-ea"), "given twice: once on the command line");
  }

  @Test
  public void ourOwnClassDataSharingAndWorkerIdAreNotInherited() {
    InheritedOptions options = InheritedOptions.of(List.of("-XX:SharedArchiveFile=/tmp/a.jsa", "-Xshare:auto", "-Xlog:cds=off",
        "-Xlog:cds+dynamic=off", "-Dmproc.worker.id=3", "-Xmx2g"), null, null);
    assertEquals(options.inherited(), List.of("-Xmx2g"));
    assertEquals(options.usersOwnSharing(), false);
  }

  @Test
  public void theUsersOwnClassDataSharingIsInheritedAndKeepsOursAway() {
    InheritedOptions off = InheritedOptions.of(List.of("-Xmx1300M", "-Xshare:off", "-Dmproc.worker.id=3"), null, null);
    assertEquals(off.inherited(), List.of("-Xmx1300M", "-Xshare:off"));
    assertEquals(off.usersOwnSharing(), true);
    InheritedOptions archive = InheritedOptions.of(List.of("-XX:SharedArchiveFile=/opt/app/app.jsa", "-Xlog:cds=off"), null, null);
    assertEquals(archive.inherited(), List.of("-XX:SharedArchiveFile=/opt/app/app.jsa", "-Xlog:cds=off"));
    assertEquals(archive.usersOwnSharing(), true);
    assertEquals(archive.withAssertions(true).usersOwnSharing(), true);
  }

  @Test
  public void whoseSharingOptionsTheyAre() {
    assertEquals(ClassDataSharing.usersOwn(List.of("-Xmx1g")), false, "none: ours may be used");
    assertEquals(ClassDataSharing.usersOwn(List.of("-Xshare:auto")), false, "the JDK's default, said again: ours may be used");
    assertEquals(ClassDataSharing.usersOwn(List.of("-Xshare:off")), true);
    assertEquals(ClassDataSharing.usersOwn(List.of("-Xshare:on")), true);
    assertEquals(ClassDataSharing.usersOwn(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=app.jsa")), true);
    assertEquals(ClassDataSharing.usersOwn(List.of("-XX:SharedArchiveFile=/tmp/k.jsa", "-Xshare:auto", "-Xlog:cds=off",
        "-Xlog:cds+dynamic=off")), false, "a JVM we started");
    assertEquals(ClassDataSharing.usersOwn(List.of("-XX:ArchiveClassesAtExit=/tmp/k.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off")), false,
        "a training run's");
  }

  @Test
  public void assertionsSurefireEnablesWithoutAnOptionAreGivenToWorkersAsEa() {
    assertEquals(InheritedOptions.of(List.of("-Xmx1g"), null, null).withAssertions(true).inherited(), List.of("-Xmx1g", "-ea"));
    assertEquals(InheritedOptions.of(List.of("-Xmx1g"), null, null).withAssertions(false).inherited(), List.of("-Xmx1g"));
    assertEquals(InheritedOptions.of(List.of("-ea:com.example..."), null, null).withAssertions(true).inherited(), List.of("-ea:com.example..."),
        "the command line's own form stands");
  }
}

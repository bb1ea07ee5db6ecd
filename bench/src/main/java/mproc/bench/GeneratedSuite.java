package mproc.bench;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** A workload written to disk: sources compiled against the harness's classpath, and a testng.xml. */
final class GeneratedSuite {
  final Workload workload;
  final Path dir;
  final Path classes;
  final Path suiteXml;

  private GeneratedSuite(Workload workload, Path dir) {
    this.workload = workload;
    this.dir = dir;
    this.classes = dir.resolve("classes");
    this.suiteXml = dir.resolve("testng.xml");
  }

  static GeneratedSuite write(Workload workload, Path root) throws IOException {
    GeneratedSuite suite = new GeneratedSuite(workload, root.resolve(workload.name()));
    suite.generate();
    // Each invocation starts uninformed: its first round is a first run.
    try (var old = Files.newDirectoryStream(suite.dir, "durations-*.txt")) {
      for (Path p : old) {
        Files.delete(p);
      }
    }
    return suite;
  }

  /** The classpath a run of this suite needs: its classes, then the harness's own. */
  String classpath() {
    return classes + File.pathSeparator + System.getProperty("java.class.path");
  }

  private void generate() throws IOException {
    Path src = dir.resolve("src/benchsuite");
    Files.createDirectories(src);
    Files.createDirectories(classes);
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"), "-nowarn"));
    StringBuilder xml = new StringBuilder();
    xml.append("<!DOCTYPE suite SYSTEM \"https://testng.org/testng-1.0.dtd\">\n")
        .append("<suite name=\"").append(workload.name()).append("\">\n")
        .append("  <test name=\"").append(workload.name()).append("\">\n")
        .append("    <classes>\n");
    for (Workload.GeneratedClass c : workload.classes()) {
      Path file = src.resolve(c.simpleName() + ".java");
      Files.writeString(file, c.source());
      args.add(file.toString());
      xml.append("      <class name=\"benchsuite.").append(c.simpleName()).append("\"/>\n");
    }
    xml.append("    </classes>\n  </test>\n</suite>\n");
    Files.writeString(suiteXml, xml);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    if (javac.run(null, null, errors, args.toArray(String[]::new)) != 0) {
      throw new IllegalStateException("could not compile workload " + workload.name() + ":\n" + errors);
    }
  }
}

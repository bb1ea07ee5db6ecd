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
  /** The same suite with mproc's listener, for runs through Maven Surefire. */
  final Path mavenProject;

  private GeneratedSuite(Workload workload, Path dir) {
    this.workload = workload;
    this.dir = dir;
    this.classes = dir.resolve("classes");
    this.suiteXml = dir.resolve("testng.xml");
    this.mavenProject = dir.resolve("maven");
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
      if (c.source().contains("@Test") || c.simpleName().endsWith("Test")) {
        xml.append("      <class name=\"benchsuite.").append(c.simpleName()).append("\"/>\n");
      }
    }
    for (var resource : workload.resources().entrySet()) {
      Path file = classes.resolve(resource.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, resource.getValue());
    }
    xml.append("    </classes>\n  </test>\n</suite>\n");
    Files.writeString(suiteXml, xml);
    writeMavenProject(xml.toString());
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    if (javac.run(null, null, errors, args.toArray(String[]::new)) != 0) {
      throw new IllegalStateException("could not compile workload " + workload.name() + ":\n" + errors);
    }
  }

  /**
   * A Maven project of the same tests, for Surefire's forks ({@code mvn test -DforkCount=N}) and for
   * testng-mproc through Surefire ({@code mvn test -Pmproc -Dcores=N}, the README's setup).
   */
  private void writeMavenProject(String suiteXmlText) throws IOException {
    Path tests = mavenProject.resolve("src/test/java/benchsuite");
    Files.createDirectories(tests);
    for (Workload.GeneratedClass c : workload.classes()) {
      Files.writeString(tests.resolve(c.simpleName() + ".java"), c.source());
    }
    Files.writeString(mavenProject.resolve("testng-mproc.xml"),
        suiteXmlText.replaceFirst("(<suite [^>]*>)", "$1\n  <listeners><listener class-name=\"mproc.MprocListener\"/></listeners>"));
    // As the README's Surefire setup: Chronicle's flags, and the parent JVM compiling later (it lives for one run).
    String flags = String.join(" ", mproc.transport.JvmFlags.ALL) + " " + String.join(" ", mproc.transport.ChronicleProperties.asJvmOptions())
        + " " + String.join(" ", mproc.launch.WorkerCommand.JIT_OPTIONS);
    String pom = """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>benchsuite</groupId>
          <artifactId>WORKLOAD</artifactId>
          <version>1</version>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
            <benchArgLine></benchArgLine>
            <cores>0</cores>
          </properties>
          <dependencies>
            <dependency><groupId>io.github.mproc</groupId><artifactId>mproc-bench</artifactId><version>0.1.0-SNAPSHOT</version><scope>test</scope></dependency>
          </dependencies>
          <build>
            <plugins>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-compiler-plugin</artifactId>
                <version>3.13.0</version>
              </plugin>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-surefire-plugin</artifactId>
                <version>3.5.2</version>
                <configuration>
                  <reuseForks>true</reuseForks>
                  <argLine>${benchArgLine}</argLine>
                </configuration>
              </plugin>
            </plugins>
          </build>
          <profiles>
            <profile>
              <id>mproc</id>
              <build>
                <plugins>
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-surefire-plugin</artifactId>
                    <version>3.5.2</version>
                    <configuration>
                      <suiteXmlFiles><suiteXmlFile>testng-mproc.xml</suiteXmlFile></suiteXmlFiles>
                      <argLine>FLAGS -Dmproc.cores=${cores} ${benchArgLine}</argLine>
                    </configuration>
                  </plugin>
                </plugins>
              </build>
            </profile>
          </profiles>
        </project>
        """.replace("WORKLOAD", workload.name()).replace("FLAGS", flags);
    Files.writeString(mavenProject.resolve("pom.xml"), pom);
  }
}

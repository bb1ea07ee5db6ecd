package mproc.worker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import mproc.transport.Message.TestPlan;
import org.testng.xml.XmlSuite;
import org.testng.xml.internal.Parser;

/** A {@code <test>} the parent published, with its suite parsed once. */
final class KnownTest {
  final int id;
  final String name;
  final XmlSuite suite;
  final List<String> configClasses;
  /** Classes of other {@code <test>}s, here for their {@code @BeforeSuite}/{@code @AfterSuite} only ({@link ConfigurationGate}). */
  final List<String> suiteConfigClasses;
  /** How many workers the parent spreads this test over. */
  final int workers;
  /** The parent's TestNG options that change outcomes ({@code RunOptions}). */
  final List<String> testngOptions;
  boolean touched;
  boolean closed;

  KnownTest(TestPlan plan) {
    this.id = plan.testId();
    this.name = plan.testName();
    this.suite = parse(plan.suiteXml());
    this.configClasses = plan.configClasses();
    this.suiteConfigClasses = plan.suiteConfigClasses();
    this.workers = plan.workers();
    this.testngOptions = plan.testngOptions();
  }

  /** The suite as the parent publishes it ({@code PublishedSuite}: without {@code <suite-files>}). */
  private static XmlSuite parse(String xml) {
    try {
      Parser parser = new Parser(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      return parser.parseToList().get(0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse the suite the parent sent", e);
    }
  }
}

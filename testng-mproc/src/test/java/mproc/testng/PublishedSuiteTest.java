package mproc.testng;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.testng.annotations.Test;
import org.testng.xml.XmlClass;
import org.testng.xml.XmlSuite;
import org.testng.xml.XmlTest;
import org.testng.xml.internal.Parser;

public class PublishedSuiteTest {
  /** A parameter with line breaks and a tab reaches the worker as it is (TestNG's own XML would read back spaces). */
  @Test
  public void lineBreaksAndTabsInValuesSurvive() throws Exception {
    XmlSuite suite = new XmlSuite();
    suite.setName("s");
    suite.setParameters(Map.of("json", "{\n\t\"a\": 1\r\n}"));
    XmlTest test = new XmlTest(suite);
    test.setName("t");
    test.setParameters(Map.of("lines", "one\ntwo"));
    test.setXmlClasses(List.of(new XmlClass("java.lang.Object", false)));
    String xml = PublishedSuite.xml(suite, List.of());
    XmlSuite back = new Parser(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).parseToList().get(0);
    assertEquals(back.getParameter("json"), "{\n\t\"a\": 1\r\n}", xml);
    assertEquals(back.getTests().get(0).getLocalParameters().get("lines"), "one\ntwo", xml);
  }

  @Test
  public void textCommentsAndCdataStayAsTheyAre() {
    String xml = "<suite name=\"a\nb\">\n  <!-- a \"comment\n\" -->\n  <script><![CDATA[x = \"1\n\" > 0]]></script>\n</suite>\n";
    assertEquals(PublishedSuite.withBreaksKept(xml),
        "<suite name=\"a&#10;b\">\n  <!-- a \"comment\n\" -->\n  <script><![CDATA[x = \"1\n\" > 0]]></script>\n</suite>\n");
    assertTrue(PublishedSuite.withBreaksKept("<a b=\"\t\"/>").contains("&#9;"));
  }
}

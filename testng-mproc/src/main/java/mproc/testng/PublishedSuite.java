package mproc.testng;

import java.util.ArrayList;
import java.util.List;
import org.testng.xml.XmlSuite;

/**
 * The XML of a suite as the workers get it. A suite included by another ({@code <suite-files>})
 * runs with the groups of the suite at the top of its tree, whatever {@code <groups>} it declares
 * (TestNG's {@code XmlSuite.getIncludedGroups} asks its parent): its XML carries those instead, as
 * the worker parses it alone. Without that, a child's own {@code <groups><run>} applied in the
 * workers only, and the tests the parent planned never ran there. As TestNG registers every
 * suite's listeners for the whole run, the XML names the listeners of all of them. It has no
 * {@code <suite-files>}: each child is published as a suite of its own when its tests run, and
 * TestNG's parser, given a stream as the worker gives it, reads that one stream again for each
 * child file ("Premature end of file": every worker crashed on a suite that included others).
 */
public final class PublishedSuite {
  private PublishedSuite() {}

  /**
   * @param runSuites every suite of TestNG's run (empty if unknown): TestNG registers the listeners
   *     of each for the whole run, so a session's suite names them all (the workers keep those that
   *     shape execution)
   */
  public static String xml(XmlSuite suite, List<XmlSuite> runSuites) {
    return withBreaksKept(xmlOf(suite, runSuites));
  }

  private static String xmlOf(XmlSuite suite, List<XmlSuite> runSuites) {
    List<String> listeners = new ArrayList<>(); // in the order TestNG registers them
    runSuites.forEach(s -> s.getListeners().stream().filter(l -> !listeners.contains(l)).forEach(listeners::add));
    suite.getListeners().stream().filter(l -> !listeners.contains(l)).forEach(listeners::add);
    if (suite.getParentSuite() == null && suite.getSuiteFiles().isEmpty() && listeners.equals(suite.getListeners())) {
      return suite.toXml();
    }
    XmlSuite root = suite;
    while (root.getParentSuite() != null) {
      root = root.getParentSuite();
    }
    XmlSuite alone = (XmlSuite) suite.clone();
    alone.setParentSuite(null);
    alone.setSuiteFiles(new ArrayList<>());
    alone.setGroups(root.getGroups());
    alone.setListeners(listeners);
    return alone.toXml();
  }

  /**
   * TestNG writes a value with a line break or tab ({@code <parameter value="...">}) raw into its
   * attribute, where XML reads it back as a space: such characters inside a tag's quoted values
   * become character references. Text, comments and CDATA sections (a selector's script) stay.
   */
  static String withBreaksKept(String xml) {
    StringBuilder out = new StringBuilder(xml.length());
    boolean inTag = false;
    boolean inValue = false;
    for (int i = 0; i < xml.length(); i++) {
      char c = xml.charAt(i);
      if (!inTag) {
        String skipTo = xml.startsWith("<!--", i) ? "-->" : xml.startsWith("<![CDATA[", i) ? "]]>" : null;
        if (skipTo != null) {
          int end = xml.indexOf(skipTo, i);
          end = end < 0 ? xml.length() : end + skipTo.length();
          out.append(xml, i, end);
          i = end - 1;
          continue;
        }
        inTag = c == '<';
      } else if (c == '"') {
        inValue = !inValue;
      } else if (inValue && (c == '\n' || c == '\r' || c == '\t')) {
        out.append("&#").append((int) c).append(';');
        continue;
      } else if (!inValue && c == '>') {
        inTag = false;
      }
      out.append(c);
    }
    return out.toString();
  }
}

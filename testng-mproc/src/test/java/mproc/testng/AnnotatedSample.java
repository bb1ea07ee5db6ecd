package mproc.testng;

import org.testng.annotations.Test;

/** A class for {@link CachingAnnotationFinderTest} to look at; not run (not named *Test, not in a suite). */
@Test(groups = "class-level")
public class AnnotatedSample {
  public AnnotatedSample() {}

  @Test(description = "annotated")
  public void annotated() {}

  public void plain() {}
}

package mproc.it.suite.layout;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import org.testng.IAnnotationTransformer;
import org.testng.annotations.ITestAnnotation;

/** A transformer that runs each method named {@code twice} two times. */
public class Twice implements IAnnotationTransformer {
  @Override
  public void transform(ITestAnnotation annotation, Class testClass, Constructor testConstructor, Method testMethod) {
    if (testMethod != null && testMethod.getName().equals("twice")) {
      annotation.setInvocationCount(2);
    }
  }
}

package mproc.it.suite.retry;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import org.testng.IAnnotationTransformer;
import org.testng.annotations.ITestAnnotation;

/** Gives every test without a retry analyzer {@link RetryOnce}, as Apache Pulsar's AnnotationListener does. */
public class RetryTransformer implements IAnnotationTransformer {
  @Override
  public void transform(ITestAnnotation annotation, Class testClass, Constructor testConstructor, Method testMethod) {
    if (testMethod != null && testMethod.getDeclaringClass() == RetriedByTransformer.class) {
      annotation.setRetryAnalyzer(RetryOnce.class);
    }
  }
}

package mproc.testng;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.testng.IDataProviderMethod;
import org.testng.IRetryDataProvider;
import org.testng.ITestContext;
import org.testng.ITestNGMethod;
import org.testng.SuiteRunner;
import org.testng.annotations.IDataProviderAnnotation;
import org.testng.annotations.ITestAnnotation;
import org.testng.internal.ClassHelper;
import org.testng.internal.TestNGMethod;
import org.testng.internal.annotations.IAnnotationFinder;

/** The data provider of a method whose rows a worker made, as TestNG describes one. */
record ReplayedDataProvider(Object getInstance, Method getMethod, IDataProviderAnnotation annotation)
    implements IDataProviderMethod {
  @Override public String getName() { return annotation.getName(); }
  @Override public boolean isParallel() { return annotation.isParallel(); }
  @Override public List<Integer> getIndices() { return annotation.getIndices(); }
  @Override public boolean propagateFailureAsTestFailure() { return annotation.isPropagateFailureAsTestFailure(); }
  @Override public Class<? extends IRetryDataProvider> retryUsing() { return annotation.retryUsing(); }
  @Override public boolean cacheDataForTestRetries() { return annotation.isCacheDataForTestRetries(); }

  /**
   * TestNG gives a data-driven method its data provider when it makes the rows, which here happens in
   * a worker; reports read it from the method (testng-results.xml's {@code data-provider}), so the
   * parent's method gets it the same way TestNG finds it: by the name {@code @Test} gives, on the
   * test class or {@code dataProviderClass}.
   */
  static void giveTo(ITestNGMethod method, ITestContext context) {
    if (!(method instanceof TestNGMethod tm) || !tm.isDataDriven() || tm.getDataProviderMethod() != null
        || !(context.getSuite() instanceof SuiteRunner suite)) {
      return;
    }
    IAnnotationFinder finder = suite.getAnnotationFinder();
    ITestAnnotation test = finder.findAnnotation(tm.getConstructorOrMethod(), ITestAnnotation.class);
    ITestAnnotation classLevel = finder.findAnnotation(tm.getRealClass(), ITestAnnotation.class);
    if (test == null) {
      return;
    }
    String name = test.getDataProvider();
    Class<?> providerClass = test.getDataProviderClass();
    String dynamic = test.getDataProviderDynamicClass();
    if (classLevel != null) {
      name = name == null || name.isEmpty() ? classLevel.getDataProvider() : name;
      providerClass = providerClass == null || providerClass == Object.class ? classLevel.getDataProviderClass() : providerClass;
      dynamic = dynamic == null || dynamic.isEmpty() ? classLevel.getDataProviderDynamicClass() : dynamic;
    }
    if (name == null || name.isEmpty() || (dynamic != null && !dynamic.isEmpty())) {
      return; // a dynamic provider's class is dropped again after its rows are made: TestNG's reports do not show it
    }
    Class<?> searched = providerClass != null && providerClass != Object.class && !Modifier.isAbstract(providerClass.getModifiers())
        ? providerClass : tm.getRealClass();
    for (Method m : ClassHelper.getAvailableMethods(searched)) {
      IDataProviderAnnotation dp = finder.findAnnotation(m, IDataProviderAnnotation.class);
      if (dp != null && name.equals(dp.getName())) {
        Object instance = Modifier.isStatic(m.getModifiers()) || searched != tm.getRealClass() ? null : tm.getInstance();
        tm.setDataProviderMethod(new ReplayedDataProvider(instance, m, dp));
        return;
      }
    }
  }
}

package mproc.it.suite.quiet;

import mproc.it.suite.RunLog;
import org.testng.IConfigurable;
import org.testng.IConfigureCallBack;
import org.testng.ITestResult;

/** A user's own IConfigurable: records each configuration method it is handed, then runs it. */
public class UserConfigurable implements IConfigurable {
  @Override
  public void run(IConfigureCallBack callBack, ITestResult result) {
    RunLog.record("configurable " + result.getMethod().getMethodName());
    callBack.runConfigurationMethod(result);
  }
}

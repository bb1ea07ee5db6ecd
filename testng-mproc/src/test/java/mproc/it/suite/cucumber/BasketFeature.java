package mproc.it.suite.cucumber;

import io.cucumber.testng.AbstractTestNGCucumberTests;
import io.cucumber.testng.CucumberOptions;

/** One Cucumber runner per feature, as many projects have. */
@CucumberOptions(features = "classpath:mproc/it/suite/cucumber/basket.feature", glue = "mproc.it.suite.cucumber")
public class BasketFeature extends AbstractTestNGCucumberTests {}

package mproc.it.suite.groups;

public class SharedThree extends SharedSetUp {}

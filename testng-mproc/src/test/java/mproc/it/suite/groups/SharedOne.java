package mproc.it.suite.groups;

public class SharedOne extends SharedSetUp {}

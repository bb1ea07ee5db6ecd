package mproc.it.suite.groups;

public class SharedTwo extends SharedSetUp {}

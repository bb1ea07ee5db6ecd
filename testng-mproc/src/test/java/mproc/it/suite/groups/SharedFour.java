package mproc.it.suite.groups;

public class SharedFour extends SharedSetUp {}

package mproc.it.suite.affinity;

public class Four extends ClassWithSetup {}

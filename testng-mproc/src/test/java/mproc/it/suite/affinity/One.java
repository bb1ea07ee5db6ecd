package mproc.it.suite.affinity;

public class One extends ClassWithSetup {}

package mproc.it.suite.affinity;

public class Three extends ClassWithSetup {}

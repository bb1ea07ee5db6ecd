package mproc.it.suite.affinity;

public class Two extends ClassWithSetup {}

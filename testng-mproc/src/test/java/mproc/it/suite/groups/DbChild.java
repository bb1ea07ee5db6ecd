package mproc.it.suite.groups;

/** Inherits DbFirst's tests and its class-level @Group. */
public class DbChild extends DbFirst {}

package mproc.launch;

/** {@code ClassLoadProbe class...}: loads each class, so that a test can see where it came from. */
public final class ClassLoadProbe {
  private ClassLoadProbe() {}

  public static void main(String[] args) throws ClassNotFoundException {
    for (String name : args) {
      Class.forName(name, false, ClassLoadProbe.class.getClassLoader());
    }
  }
}

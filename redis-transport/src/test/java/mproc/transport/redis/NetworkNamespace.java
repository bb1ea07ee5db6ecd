package mproc.transport.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testng.SkipException;

/**
 * A network namespace of its own for one simulated host, joined to this one by a veth pair:
 * {@link #hostAddress} here, {@link #address} there. {@link #cut} takes the link down, as a cable
 * pulled. Needs root ({@code ip netns}); without it the test that asks is skipped, saying why.
 */
final class NetworkNamespace implements AutoCloseable {
  private final String name;
  private final String outside;
  private final int subnet;

  private NetworkNamespace(String name, String outside, int subnet) {
    this.name = name;
    this.outside = outside;
    this.subnet = subnet;
  }

  static NetworkNamespace create() throws Exception {
    long pid = ProcessHandle.current().pid();
    int subnet = (int) (pid % 200) + 20;
    NetworkNamespace ns = new NetworkNamespace("mproc-it-" + pid, "mpv" + pid + "a", subnet);
    String inside = "mpv" + pid + "b";
    if (run(List.of("ip", "netns", "add", ns.name)) != 0) {
      throw new SkipException("network namespaces need root and ip(8) (ip netns add failed): the network cut is not tested here");
    }
    try {
      must("ip", "netns", "exec", ns.name, "ip", "link", "set", "lo", "up");
      must("ip", "link", "add", ns.outside, "type", "veth", "peer", "name", inside);
      must("ip", "link", "set", inside, "netns", ns.name);
      must("ip", "addr", "add", ns.hostAddress() + "/24", "dev", ns.outside);
      must("ip", "link", "set", ns.outside, "up");
      must("ip", "netns", "exec", ns.name, "ip", "addr", "add", ns.address() + "/24", "dev", inside);
      must("ip", "netns", "exec", ns.name, "ip", "link", "set", inside, "up");
    } catch (RuntimeException | Error e) {
      ns.close();
      throw e;
    }
    return ns;
  }

  /** This side's address on the link (where Redis listens for the namespace). */
  String hostAddress() {
    return "10.213." + subnet + ".1";
  }

  /** The namespace's address. */
  String address() {
    return "10.213." + subnet + ".2";
  }

  /** What runs a command inside the namespace. */
  List<String> exec() {
    return List.of("ip", "netns", "exec", name);
  }

  void cut() throws Exception {
    must("ip", "link", "set", outside, "down");
  }

  @Override
  public void close() throws Exception {
    run(List.of("ip", "link", "del", outside));
    run(List.of("ip", "netns", "del", name));
  }

  private static void must(String... command) throws Exception {
    if (run(List.of(command)) != 0) {
      throw new AssertionError("failed: " + String.join(" ", command));
    }
  }

  private static int run(List<String> command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
    } catch (IOException e) {
      return -1; // no ip(8)
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    if (p.exitValue() != 0) {
      System.err.println(String.join(" ", command) + ": " + output.trim());
    }
    return p.exitValue();
  }
}

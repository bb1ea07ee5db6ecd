package mproc.transport.redis;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import mproc.transport.Channel;
import mproc.transport.ClaimTable;
import mproc.transport.Cluster;
import mproc.transport.Message;
import mproc.transport.MessageCodec;

/**
 * Takes the Redis transport through each of its commands once, against a stand-in that answers on
 * loopback, so that the class-data sharing training (testng-mproc's {@code CdsTraining}, which has no
 * Redis) archives the 300 classes of Jedis and of this module that every JVM of a cluster run loads.
 * Without them each such JVM loaded them from the jars at its start: 0.15-0.2 CPU-s, four times on
 * two simulated hosts of two cores. The stand-in answers every command with a reply of the right
 * shape, not with Redis's meaning: only class loading is wanted.
 */
public final class RedisTraining {
  private RedisTraining() {}

  /** Called by name from the training's listener, in the training's parent and worker JVMs. */
  public static void touchEveryCommand() throws IOException, InterruptedException {
    try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      Thread answering = new Thread(() -> answerAll(server), "mproc-redis-training");
      answering.setDaemon(true);
      answering.start();
      RedisTransport transport = new RedisTransport(RedisAddress.parse("redis://127.0.0.1:" + server.getLocalPort() + "/training"), 60);
      transport.check();
      try (Channel work = transport.openWork(); Channel results = transport.openResults(1); ClaimTable claims = transport.openClaims()) {
        work.send(new Message.EndOfWork());
        work.poll();
        results.send(new Message.UnitDone(1));
        results.poll();
        claims.claim(1, 1);
        claims.claimRow(1, 0, 1);
        claims.owner(2);
        claims.ownerSeen(3);
        claims.rowOwner(2, 0);
        claims.decideGate(ClaimTable.GATE_OPEN);
        claims.gate();
        Cluster cluster = transport.cluster();
        cluster.lead();
        cluster.join();
        cluster.beat(1, 1_000);
        cluster.alive(1);
        cluster.publish("training", "value");
        cluster.read("training");
        cluster.openHosts().close();
        cluster.openControl().close();
        cluster.close();
      }
      server.close(); // ends the stand-in's accept
      answering.join(1_000);
    }
  }

  private static void answerAll(ServerSocket server) {
    try {
      while (true) {
        Socket client = server.accept();
        Thread t = new Thread(() -> answer(client), "mproc-redis-training-connection");
        t.setDaemon(true);
        t.start();
      }
    } catch (IOException closed) {
      // the training closed the stand-in
    }
  }

  /** Reads each command (a RESP array of bulk strings) and writes a reply of the shape its caller reads. */
  private static void answer(Socket client) {
    try (client; InputStream in = new BufferedInputStream(client.getInputStream()); OutputStream out = client.getOutputStream()) {
      for (List<String> command = read(in); command != null; command = read(in)) {
        out.write(reply(command).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
    } catch (IOException e) {
      // the client closed its connection
    }
  }

  private static String reply(List<String> command) {
    String name = command.get(0).toUpperCase(java.util.Locale.ROOT);
    return switch (name) {
      case "PING" -> "+PONG\r\n";
      case "INCR", "EXPIRE", "EXISTS" -> ":1\r\n";
      case "GET", "HGET" -> "$-1\r\n";
      case "XADD" -> bulk("1-1");
      case "EVAL" -> bulk("1");
      case "XREAD" -> streamEntry(command);
      default -> "+OK\r\n"; // SET, CLIENT, HELLO
    };
  }

  /** One entry of the stream read, with a message as the transport writes it (the claim log's has a claim). */
  private static String streamEntry(List<String> command) {
    String key = command.get(command.indexOf("STREAMS") + 1); // XREAD [COUNT n] STREAMS key id
    String field;
    String value;
    if (key.endsWith(":claimlog")) {
      field = "1";
      value = "1";
    } else {
      field = "m";
      value = new String(MessageCodec.toBytes(new Message.EndOfWork()), StandardCharsets.ISO_8859_1);
    }
    return "*1\r\n*2\r\n" + bulk(key) + "*1\r\n*2\r\n" + bulk("1-1") + "*2\r\n" + bulk(field) + bulk(value);
  }

  private static String bulk(String s) {
    return "$" + s.getBytes(StandardCharsets.ISO_8859_1).length + "\r\n" + s + "\r\n";
  }

  /** A command, or null at the end of the stream. */
  private static List<String> read(InputStream in) throws IOException {
    String header = line(in);
    if (header == null) {
      return null;
    }
    int n = Integer.parseInt(header.substring(1));
    List<String> args = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int length = Integer.parseInt(line(in).substring(1));
      byte[] bytes = in.readNBytes(length + 2); // and its CRLF
      args.add(new String(bytes, 0, length, StandardCharsets.ISO_8859_1));
    }
    return args;
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder s = new StringBuilder();
    for (int b = in.read(); b != -1; b = in.read()) {
      if (b == '\n') {
        return s.substring(0, s.length() - 1);
      }
      s.append((char) b);
    }
    return null;
  }
}

package mproc.transport.redis;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * {@code redis://[user:password@]host:port/NAME} ({@code rediss://} for TLS): where the run's Redis
 * is and the run's name, under which all its keys live. {@link #toString} never shows the password.
 */
public record RedisAddress(String scheme, String userInfo, String host, int port, String name) {
  /** A one-line error naming what is wrong with {@code url}, without its password. */
  public static RedisAddress parse(String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(bad(url, "not a URL (" + e.getReason() + ")"));
    }
    String scheme = uri.getScheme();
    if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
      throw new IllegalArgumentException(bad(url, "it must start with redis:// or rediss://"));
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(bad(url, "it names no host"));
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    String name = path.startsWith("/") ? path.substring(1) : path;
    if (name.isEmpty() || !name.matches("[A-Za-z0-9._:-]+")) {
      throw new IllegalArgumentException(bad(url, "it must end with /NAME, the run's name (letters, digits, . _ : -), e.g. a CI build id"));
    }
    return new RedisAddress(scheme, uri.getRawUserInfo(), uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(), name);
  }

  private static String bad(String url, String why) {
    return "mproc.cluster: '" + withoutPassword(url) + "' is not a valid value: " + why;
  }

  /** The URL a Redis client connects to: the address without the run's name. */
  URI server() {
    try {
      return new URI(scheme, userInfo, host, port, null, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs a command on a connection to this address; a failure means Redis is lost ({@link #lost}). */
  <T> T call(redis.clients.jedis.Jedis redis, java.util.function.Function<redis.clients.jedis.Jedis, T> command) {
    try {
      return command.apply(redis);
    } catch (redis.clients.jedis.exceptions.JedisException e) {
      throw lost(e);
    }
  }

  /** What a command that failed with {@code e} throws: Redis is lost, in one line without the password. */
  mproc.transport.TransportLostException lost(RuntimeException e) {
    return new mproc.transport.TransportLostException("mproc: lost Redis at " + this + " (" + e.getMessage() + ")", e);
  }

  /** The key of one of the run's structures: {@code mproc:NAME:part}. */
  String key(String part) {
    return "mproc:" + name + ":" + part;
  }

  @Override
  public String toString() {
    String user = userInfo == null ? "" : (userInfo.contains(":") ? userInfo.substring(0, userInfo.indexOf(':')) + ":***@" : userInfo + "@");
    return scheme + "://" + user + host + ":" + port + "/" + name;
  }

  private static String withoutPassword(String url) {
    return url.replaceAll("(rediss?://[^:/@]*):[^@/]*@", "$1:***@");
  }
}

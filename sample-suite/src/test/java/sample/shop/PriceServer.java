package sample.shop;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;

/**
 * The shop's price service, as the tests see it: an HTTP server on loopback that answers
 * {@code GET /price/<sku>} from a catalogue. Workers receive only its address; the server itself
 * (transient) stays in the parent, which stops it after the last test.
 */
public final class PriceServer implements Serializable, AutoCloseable {
  private static final long serialVersionUID = 1L;
  private final URI uri;
  private final transient HttpServer server;

  private PriceServer(URI uri, HttpServer server) {
    this.uri = uri;
    this.server = server;
  }

  /** Starts a server for this catalogue on a free loopback port. */
  public static PriceServer start(Catalogue catalogue) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/price/", exchange -> {
      String sku = URLDecoder.decode(exchange.getRequestURI().getPath().substring("/price/".length()), StandardCharsets.UTF_8);
      int status;
      byte[] body;
      try {
        body = catalogue.price(sku).amount().toPlainString().getBytes(StandardCharsets.UTF_8);
        status = 200;
      } catch (NoSuchElementException e) {
        body = e.getMessage().getBytes(StandardCharsets.UTF_8);
        status = 404;
      }
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    InetSocketAddress address = server.getAddress();
    return new PriceServer(URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/"), server);
  }

  public URI uri() {
    return uri;
  }

  @Override
  public void close() {
    if (server != null) { // only the parent's instance has one
      server.stop(0);
    }
  }
}

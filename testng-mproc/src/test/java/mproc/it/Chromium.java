package mproc.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A headless Chromium driven through the DevTools protocol (its {@code --remote-debugging-port} and
 * a WebSocket of the JDK's), for tests of what a page shows. Timeouts are generous: the build
 * machine has two processors shared with other builds.
 */
final class Chromium implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final Path profile;
  private final StringBuffer output = new StringBuffer();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
  private WebSocket socket;

  /**
   * The browser: {@code mproc.chromium} (a system property) or {@code MPROC_CHROMIUM}, else
   * {@code chromium}, {@code chromium-browser} or {@code google-chrome} on the PATH. Missing, an
   * AssertionError that says how to install it: the test fails, it is not skipped.
   */
  static Path executable() {
    String given = System.getProperty("mproc.chromium", System.getenv("MPROC_CHROMIUM"));
    if (given != null && !given.isBlank()) {
      if (!Files.isExecutable(Path.of(given)) || Files.isDirectory(Path.of(given))) {
        throw new AssertionError("the Chromium named by mproc.chromium or MPROC_CHROMIUM is no executable file: " + given);
      }
      return Path.of(given);
    }
    List<String> named = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        named.add(Path.of(dir, name).toString());
      }
    }
    for (String candidate : named) {
      Path p = Path.of(candidate);
      if (Files.isExecutable(p) && !Files.isDirectory(p)) {
        return p;
      }
    }
    throw new AssertionError("no Chromium to render the report in: install it (Debian: apt-get install -y chromium),"
        + " or name it with -Dmproc.chromium=/path/to/chromium or MPROC_CHROMIUM");
  }

  private Chromium(Process process, Path profile) {
    this.process = process;
    this.profile = profile;
  }

  /** Starts a headless Chromium on {@code url} in a window of that size (CSS pixels), and attaches to its page. */
  static Chromium open(URI url, int width, int height) throws Exception {
    Path profile = mproc.TempDirs.directory("mproc-chromium"); // removed when the test JVM exits
    List<String> command = List.of(executable().toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-dev-shm-usage",
        "--hide-scrollbars", "--mute-audio", "--force-device-scale-factor=1",
        "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
        "--window-size=" + width + "," + height, url.toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("TMPDIR", profile.toString()); // its own temporary files go where the profile is removed
    Process process = mproc.TempDirs.killOnExit(builder.start());
    Chromium chromium = new Chromium(process, profile);
    try {
      Thread drain = new Thread(() -> {
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            chromium.output.append(line).append('\n');
          }
        } catch (IOException e) {
          // it ended
        }
      }, "chromium-output");
      drain.setDaemon(true);
      drain.start();
      chromium.attach(url);
      return chromium;
    } catch (Exception | AssertionError e) {
      chromium.close();
      throw e;
    }
  }

  /** Waits for the DevTools port (Chromium writes it into the profile) and connects to the page showing {@code url}. */
  private void attach(URI url) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    Path portFile = profile.resolve("DevToolsActivePort");
    String pageSocket = null;
    while (pageSocket == null) {
      if (!process.isAlive()) {
        throw new AssertionError("Chromium exited with code " + process.exitValue() + ":\n" + output);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Chromium's page was not there within " + TIMEOUT.toSeconds() + " s:\n" + output);
      }
      if (Files.exists(portFile)) {
        List<String> lines = Files.readAllLines(portFile);
        if (!lines.isEmpty() && !lines.get(0).isBlank()) {
          pageSocket = pageSocket(Integer.parseInt(lines.get(0).trim()), url);
        }
      }
      if (pageSocket == null) {
        Thread.sleep(200);
      }
    }
    socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
        .buildAsync(URI.create(pageSocket), new Listener()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  private String pageSocket(int port, URI url) throws Exception {
    HttpResponse<String> list;
    try {
      list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null; // not listening yet
    }
    for (Object o : (List<?>) MiniJson.parse(list.body())) {
      Map<?, ?> target = (Map<?, ?>) o;
      if ("page".equals(target.get("type")) && target.get("webSocketDebuggerUrl") != null
          && String.valueOf(target.get("url")).startsWith(url.getScheme() + ":")) {
        return (String) target.get("webSocketDebuggerUrl");
      }
    }
    return null;
  }

  /** Collects each message's text; answers complete the command they answer. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        @SuppressWarnings("unchecked")
        Map<String, Object> message = (Map<String, Object>) MiniJson.parse(text.toString());
        text.setLength(0);
        Object id = message.get("id");
        if (id != null) {
          CompletableFuture<Map<String, Object>> answer = pending.remove(((Double) id).intValue());
          if (answer != null) {
            answer.complete(message);
          }
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      pending.values().forEach(f -> f.completeExceptionally(error));
    }
  }

  /** Sends a command (its params as JSON text) and returns its result. */
  @SuppressWarnings("unchecked")
  Map<String, Object> send(String method, String params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
    pending.put(id, answer);
    socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    Map<String, Object> message;
    try {
      message = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(method + " got no answer within " + TIMEOUT.toSeconds() + " s; Chromium said:\n" + output);
    }
    if (message.get("error") != null) {
      throw new AssertionError(method + " failed: " + message.get("error"));
    }
    return (Map<String, Object>) message.get("result");
  }

  /** Evaluates a JavaScript expression in the page (promises awaited) and returns its value as JSON gives it. */
  Object evaluate(String expression) throws Exception {
    Map<String, Object> result = send("Runtime.evaluate",
        "{\"expression\":" + MiniJson.quote(expression) + ",\"returnByValue\":true,\"awaitPromise\":true}");
    if (result.get("exceptionDetails") != null) {
      throw new AssertionError("the page threw on " + expression + ": " + result.get("exceptionDetails"));
    }
    return ((Map<?, ?>) result.get("result")).get("value");
  }

  /** Evaluates until the expression is true (the page has rendered). */
  void await(String expression) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!Boolean.TRUE.equals(evaluate("Boolean(" + expression + ")"))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never true within " + TIMEOUT.toSeconds() + " s: " + expression + "; Chromium said:\n" + output);
      }
      Thread.sleep(100);
    }
  }

  /** Loads another URL and waits for its load event. */
  void navigate(URI url) throws Exception {
    send("Page.navigate", "{\"url\":" + MiniJson.quote(url.toString()) + "}");
    await("document.readyState === 'complete' && location.href === " + MiniJson.quote(url.toString()));
  }

  /** Moves the mouse there, as a user would (CSS pixels from the viewport's top left). */
  void mouseMove(double x, double y) throws Exception {
    send("Input.dispatchMouseEvent", "{\"type\":\"mouseMoved\",\"x\":" + x + ",\"y\":" + y + "}");
  }

  /** A PNG of the page's top, as wide as the viewport and as high as the page's content (at most the viewport). */
  byte[] screenshot() throws Exception {
    double height = (Double) evaluate("Math.min(innerHeight, Math.ceil(document.body.getBoundingClientRect().bottom) + 16)");
    double width = (Double) evaluate("innerWidth");
    return Base64.getDecoder().decode((String) send("Page.captureScreenshot",
        "{\"format\":\"png\",\"clip\":{\"x\":0,\"y\":0,\"width\":" + width + ",\"height\":" + height + ",\"scale\":1}}").get("data"));
  }

  @Override
  public void close() {
    if (socket != null) {
      socket.abort();
    }
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

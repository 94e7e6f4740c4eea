package org.interphase.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A headless Chromium driven over the Chrome DevTools protocol: the browser is started with a
 * debugging port on the loopback interface ({@code --remote-debugging-port=0}; the port is read from
 * {@code DevToolsActivePort} in its profile), and its page is driven through one WebSocket
 * ({@link java.net.http.WebSocket}, no library). Commands wait for their answer; events go to the
 * listeners registered with {@link #on}.
 */
final class DevTools implements AutoCloseable {
  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
  private final Map<String, List<Consumer<JsonNode>>> listeners = new ConcurrentHashMap<>();

  private DevTools(Process process, WebSocket.Builder builder, URI page) throws InterruptedException {
    this.process = process;
    this.socket = builder.buildAsync(page, new Listener()).orTimeout(30, TimeUnit.SECONDS).join();
  }

  /**
   * Starts the browser on {@code about:blank} and attaches to its page.
   *
   * @param flags extra command-line switches
   */
  static DevTools launch(Path browser, Path profile, List<String> flags) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--remote-debugging-port=0",
        "--remote-debugging-address=127.0.0.1", "--user-data-dir=" + profile, "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-default-apps", "--disable-extensions"));
    cmd.addAll(flags);
    cmd.add("about:blank");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(profile.resolve("browser.log").toFile()).start();
    Path port = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(port) || Files.readAllLines(port).size() < 2) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IOException("the browser did not open its debugging port: " + Files.readString(profile.resolve("browser.log")));
      }
      Thread.sleep(100);
    }
    int n = Integer.parseInt(Files.readAllLines(port).get(0).strip());
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    JsonNode targets = null;
    for (int tries = 0; tries < 50; tries++) {
      String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n + "/json/list")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      targets = Json.MAPPER.readTree(list);
      if (targets.findValues("type").stream().anyMatch(t -> t.asText().equals("page"))) {
        break;
      }
      Thread.sleep(100);
    }
    for (JsonNode t : targets) {
      if (t.get("type").asText().equals("page")) {
        return new DevTools(p, http.newWebSocketBuilder(), URI.create(t.get("webSocketDebuggerUrl").asText()));
      }
    }
    p.destroyForcibly();
    throw new IOException("the browser has no page to drive: " + targets);
  }

  /** Calls {@code listener} with the params of every event {@code method} from now on. */
  void on(String method, Consumer<JsonNode> listener) {
    listeners.computeIfAbsent(method, m -> new CopyOnWriteArrayList<>()).add(listener);
  }

  /**
   * Sends a command and waits for its result (at most 60 s).
   *
   * @param params the command's parameters as alternating names and values (JSON values, or nodes)
   * @throws IllegalStateException when the browser answers with an error
   */
  JsonNode send(String method, Object... params) {
    ObjectNode p = Json.MAPPER.createObjectNode();
    for (int i = 0; i < params.length; i += 2) {
      p.set((String) params[i], Json.MAPPER.valueToTree(params[i + 1]));
    }
    int id = ids.incrementAndGet();
    ObjectNode msg = Json.MAPPER.createObjectNode().put("id", id).put("method", method);
    msg.set("params", p);
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    waiting.put(id, answer);
    synchronized (socket) {
      socket.sendText(msg.toString(), true).join();
    }
    JsonNode a = answer.orTimeout(60, TimeUnit.SECONDS).join();
    if (a.has("error")) {
      throw new IllegalStateException(method + ": " + a.get("error"));
    }
    return a.get("result");
  }

  /** Sends a command without waiting for its answer (from a listener, which must not block). */
  void post(String method, Object... params) {
    ObjectNode p = Json.MAPPER.createObjectNode();
    for (int i = 0; i < params.length; i += 2) {
      p.set((String) params[i], Json.MAPPER.valueToTree(params[i + 1]));
    }
    ObjectNode msg = Json.MAPPER.createObjectNode().put("id", ids.incrementAndGet()).put("method", method);
    msg.set("params", p);
    synchronized (socket) {
      // one send at a time (the WebSocket allows no more); the answer is not awaited
      socket.sendText(msg.toString(), true).join();
    }
  }

  /** Evaluates a JavaScript expression in the page (promises awaited) and gives its value. */
  JsonNode evaluate(String expression) {
    JsonNode r = send("Runtime.evaluate", "expression", expression, "returnByValue", true, "awaitPromise", true);
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException("the page threw on " + expression + ": " + r.get("exceptionDetails"));
    }
    return r.get("result").path("value");
  }

  /** A real mouse click (press and release) at a point of the viewport, CSS pixels. */
  void click(double x, double y) {
    for (String type : List.of("mouseMoved", "mousePressed", "mouseReleased")) {
      send("Input.dispatchMouseEvent", "type", type, "x", x, "y", y, "button", type.equals("mouseMoved") ? "none" : "left",
          "clickCount", 1);
    }
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS).join();
    } catch (RuntimeException e) {
      // the browser is ended below either way
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Joins the parts of each message and hands answers to their callers, events to the listeners. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder part = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      part.append(data);
      if (last) {
        String text = part.toString();
        part.setLength(0);
        try {
          JsonNode m = Json.MAPPER.readTree(text);
          if (m.has("id")) {
            CompletableFuture<JsonNode> f = waiting.remove(m.get("id").asInt());
            if (f != null) {
              f.complete(m);
            }
          } else if (m.has("method")) {
            listeners.getOrDefault(m.get("method").asText(), List.of()).forEach(l -> l.accept(m.path("params")));
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      ws.request(1);
      return null;
    }
  }
}

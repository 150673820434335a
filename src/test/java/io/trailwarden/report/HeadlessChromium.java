package io.trailwarden.report;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver (Selenium), found by command name
 * ({@code chromium}, {@code chromium-browser} or {@code google-chrome}, and {@code chromedriver}, on PATH, or $CHROMIUM_PATH and
 * $CHROMEDRIVER_PATH). Every request the browser makes, to any host and loopback included, goes through
 * a recording proxy on loopback that answers 403: a page that stays offline leaves it empty.
 */
final class HeadlessChromium implements AutoCloseable {
  static final String INSTALL_HINT = "install it with: bash scripts/chromium.sh (apt-get install chromium chromium-driver;"
      + " the Maven build runs it), or put chromium and chromedriver on PATH";

  private final RecordingProxy proxy;
  private final ChromeDriver driver;

  private HeadlessChromium(RecordingProxy proxy, ChromeDriver driver) {
    this.proxy = proxy;
    this.driver = driver;
  }

  /** Starts the browser, or fails the test with the install hint when it is missing. */
  static HeadlessChromium start() throws IOException {
    Path browser = find("CHROMIUM_PATH", "chromium", "chromium-browser", "google-chrome")
        .orElseGet(() -> fail("headless Chromium is missing: " + INSTALL_HINT));
    Path chromedriver = find("CHROMEDRIVER_PATH", "chromedriver")
        .orElseGet(() -> fail("chromedriver is missing: " + INSTALL_HINT));
    RecordingProxy proxy = new RecordingProxy();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(browser.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1280,1000", "--no-first-run", "--no-default-browser-check",
        // The browser's own traffic (updates, sync, hints) is switched off, so the proxy sees the page's alone.
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
        "--disable-extensions", "--disable-client-side-phishing-detection", "--safebrowsing-disable-auto-update",
        "--disable-domain-reliability", "--no-pings", "--disable-breakpad", "--metrics-recording-only",
        "--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,NetworkTimeServiceQuerying",
        "--proxy-server=http://127.0.0.1:" + proxy.port(), "--proxy-bypass-list=<-loopback>");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
        .usingAnyFreePort().build();
    try {
      return new HeadlessChromium(proxy, new ChromeDriver(service, options));
    } catch (RuntimeException e) {
      proxy.close();
      throw e;
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  /**
   * Chromium's own services, which it calls whatever the page (component updates, network time) even
   * with the flags above; the browser, not the page, sends these. The report's CSP forbids every host, and
   * the tests also read the page's Resource Timing, which lists every fetch a page makes, to any host.
   */
  static final java.util.Set<String> BROWSER_SERVICE_HOSTS = java.util.Set.of("update.googleapis.com",
      "clients2.google.com", "clients2.googleusercontent.com", "redirector.gvt1.com", "edgedl.me.gvt1.com",
      "safebrowsing.googleapis.com", "optimizationguide-pa.googleapis.com", "accounts.google.com");

  /**
   * The request lines sent through the proxy so far ("GET http://host/x HTTP/1.1", "CONNECT host:443
   * HTTP/1.1"), less those to {@link #BROWSER_SERVICE_HOSTS}.
   */
  List<String> requests() {
    return proxy.requests().stream().filter(line -> !BROWSER_SERVICE_HOSTS.contains(host(line))).toList();
  }

  /** The host of a proxy request line: an absolute URL's, or CONNECT's host:port. */
  static String host(String requestLine) {
    String[] parts = requestLine.split(" ");
    if (parts.length < 2) {
      return "";
    }
    String target = parts[1].replaceFirst("^[a-z]+://", "");
    return target.split("[/:?]", 2)[0];
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      proxy.close();
    }
  }

  private static Optional<Path> find(String variable, String... commands) {
    String set = System.getenv(variable);
    if (set != null && !set.isBlank()) {
      return Optional.of(Path.of(set)).filter(Files::isExecutable);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      for (String command : commands) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** An HTTP proxy on loopback that records each request line (CONNECT included) and refuses it. */
  static final class RecordingProxy implements AutoCloseable {
    private final ServerSocket socket;
    private final List<String> requests = new ArrayList<>();
    private final Thread acceptor;

    RecordingProxy() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      acceptor = new Thread(this::serve, "recording-proxy");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    synchronized List<String> requests() {
      return List.copyOf(requests);
    }

    private void serve() {
      while (!socket.isClosed()) {
        try (Socket client = socket.accept()) {
          client.setSoTimeout(5_000);
          String line = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1))
              .readLine();
          synchronized (this) {
            requests.add(line == null ? "(connection without a request)" : line);
          }
          OutputStream out = client.getOutputStream();
          out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        } catch (IOException e) {
          // A closed server socket ends the loop; a client that hung up has been recorded already.
        }
      }
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing a server socket that failed is nothing to report
      }
    }
  }
}

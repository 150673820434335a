package io.trailwarden.emulator;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP proxy in front of the emulator that answers a share of the calls with the failures
 * AWS produces under load, each in its protocol's own wire form, so the real SDK parses, classifies and
 * retries them as it would in production (architecture.md §9: moto never throttles nor fails):
 *
 * <ul>
 *   <li>throttling: JSON protocols {@code ThrottlingException} (Organizations: {@code
 *       TooManyRequestsException}, its documented code), Query protocol (STS) {@code Throttling}, EC2
 *       {@code RequestLimitExceeded}, S3 and S3 Control {@code SlowDown} (503);
 *   <li>HTTP 500 and 503 in each protocol's error form;
 *   <li>a connection reset (TCP RST after the request was read, before any response byte);
 *   <li>AccessDenied (403, in the protocol's form) for AssumeRole into named accounts and for named
 *       operations.
 * </ul>
 *
 * <p>Seeded and reproducible: whether the n-th attempt of a request fails, and how, is a hash of the
 * seed, the calling account, region, service, operation, the request itself and n, so the same seed
 * injects the same faults into the same requests whatever the thread timing.
 */
public final class FaultProxy implements AutoCloseable {
  /** The failures injected at random; AccessDenied is injected by name, never at random. */
  public enum Kind { THROTTLE, INTERNAL_ERROR, UNAVAILABLE, RESET }

  /**
   * What to inject.
   *
   * @param rate share of attempts (0..1) that fail with one of {@code kinds}
   * @param kinds the failures to choose among, evenly
   * @param deniedAccounts accounts whose role AssumeRole refuses
   * @param deniedOperations operations (e.g. {@code ListRoots}) answered with AccessDenied
   */
  public record Plan(long seed, double rate, List<Kind> kinds, Set<String> deniedAccounts, Set<String> deniedOperations) {
    public Plan {
      kinds = List.copyOf(kinds);
      deniedAccounts = Set.copyOf(deniedAccounts);
      deniedOperations = Set.copyOf(deniedOperations);
    }

    /** Every kind of fault at {@code rate}. */
    public static Plan random(long seed, double rate) {
      return new Plan(seed, rate, List.of(Kind.values()), Set.of(), Set.of());
    }

    /** No random faults: AccessDenied only. */
    public static Plan denying(Set<String> accounts, Set<String> operations) {
      return new Plan(0, 0, List.of(Kind.values()), accounts, operations);
    }
  }

  private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/]+)/[^/]+/([^/]+)/([^/]+)/");
  private static final Pattern ROLE_ACCOUNT = Pattern.compile("arn:aws:iam::([0-9]{12}):role/");
  private static final Pattern ACCESS_KEY = Pattern.compile("<AccessKeyId>([^<]+)</AccessKeyId>");
  private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade",
      "transfer-encoding", "keep-alive", "proxy-connection", "te", "trailer");

  private final URI upstream;
  private final Plan plan;
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<String, String> accountsByKey = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final Map<Kind, AtomicLong> injected = new EnumMap<>(Kind.class);
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong denied = new AtomicLong();
  private final List<Socket> open = java.util.Collections.synchronizedList(new ArrayList<>());

  private FaultProxy(URI upstream, Plan plan, String managementAccessKey, String managementAccount) throws IOException {
    this.upstream = upstream;
    this.plan = plan;
    for (Kind kind : Kind.values()) {
      injected.put(kind, new AtomicLong());
    }
    accountsByKey.put(managementAccessKey, managementAccount);
    this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    threads.submit(this::accept);
  }

  /**
   * Starts a proxy to {@code upstream} on a free loopback port. The management account's access key
   * names its account; member accounts are learnt from the AssumeRole answers passing through.
   */
  public static FaultProxy start(URI upstream, Plan plan, String managementAccessKey, String managementAccount) {
    try {
      return new FaultProxy(upstream, plan, managementAccessKey, managementAccount);
    } catch (IOException e) {
      throw new IllegalStateException("cannot open the fault proxy: " + e.getMessage(), e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Requests seen, every attempt counted. */
  public long requests() {
    return requests.get();
  }

  /** Faults injected so far, by kind (AccessDenied not included). */
  public Map<Kind, Long> injected() {
    Map<Kind, Long> counts = new EnumMap<>(Kind.class);
    injected.forEach((kind, count) -> counts.put(kind, count.get()));
    return counts;
  }

  public long injectedTotal() {
    return injected.values().stream().mapToLong(AtomicLong::get).sum();
  }

  /** AccessDenied answers given for the plan's accounts and operations. */
  public long denied() {
    return denied.get();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // Closing a loopback listener releases only local resources.
    }
    synchronized (open) {
      open.forEach(FaultProxy::closeQuietly);
    }
    threads.shutdownNow();
    http.close();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        open.add(socket);
        threads.submit(() -> serve(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Serves the requests of one kept-alive connection until the client closes it or a reset is injected. */
  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (true) {
        Request request = Request.read(in);
        if (request == null) {
          return;
        }
        requests.incrementAndGet();
        Call call = identify(request);
        Response response = decide(call, request);
        if (response == null) {
          injected.get(Kind.RESET).incrementAndGet();
          socket.setSoLinger(true, 0);
          return;
        }
        response.write(out);
      }
    } catch (IOException e) {
      // The client went away; nothing to answer.
    } finally {
      open.remove(socket);
    }
  }

  /** The answer: injected AccessDenied, an injected fault (null for a reset), or moto's own. */
  private Response decide(Call call, Request request) throws IOException {
    if (call.operation().equals("AssumeRole")) {
      Matcher role = ROLE_ACCOUNT.matcher(URLDecoder.decode(request.bodyText(), StandardCharsets.UTF_8));
      if (role.find() && plan.deniedAccounts().contains(role.group(1))) {
        denied.incrementAndGet();
        return AwsErrors.accessDenied(call, "sts:AssumeRole on resource: arn:aws:iam::" + role.group(1) + ":role/...");
      }
    }
    if (plan.deniedOperations().contains(call.operation())) {
      denied.incrementAndGet();
      return AwsErrors.accessDenied(call, call.service() + ":" + call.operation());
    }
    int attempt = attempts.computeIfAbsent(call.key(), k -> new AtomicInteger()).getAndIncrement();
    double draw = draw(call.key(), attempt, 0);
    if (draw < plan.rate()) {
      Kind kind = plan.kinds().get((int) (draw(call.key(), attempt, 1) * plan.kinds().size()));
      if (kind == Kind.RESET) {
        return null;
      }
      injected.get(kind).incrementAndGet();
      return switch (kind) {
        case THROTTLE -> AwsErrors.throttle(call);
        case INTERNAL_ERROR -> AwsErrors.serverError(call, 500);
        default -> AwsErrors.serverError(call, 503);
      };
    }
    Response response = forward(request);
    if (call.operation().equals("AssumeRole") && response.status() == 200) {
      learnAccount(request, response);
    }
    return response;
  }

  private void learnAccount(Request request, Response response) {
    Matcher role = ROLE_ACCOUNT.matcher(URLDecoder.decode(request.bodyText(), StandardCharsets.UTF_8));
    Matcher key = ACCESS_KEY.matcher(new String(response.body(), StandardCharsets.UTF_8));
    if (role.find() && key.find()) {
      accountsByKey.put(key.group(1), role.group(1));
    }
  }

  private Response forward(Request request) throws IOException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(upstream.resolve(request.target()))
        .timeout(Duration.ofSeconds(60))
        .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach((name, value) -> {
      if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        builder.header(name, value);
      }
    });
    try {
      HttpResponse<byte[]> answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      Map<String, String> headers = new LinkedHashMap<>();
      answer.headers().map().forEach((name, values) -> {
        if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
          headers.put(name, String.join(",", values));
        }
      });
      return new Response(answer.statusCode(), headers, request.method().equals("HEAD") ? new byte[0] : answer.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Who calls what: from the SigV4 credential scope, the protocol's operation name, and the target. */
  private Call identify(Request request) {
    Matcher credential = CREDENTIAL.matcher(request.headers().getOrDefault("Authorization", ""));
    boolean signed = credential.find();
    String accessKey = signed ? credential.group(1) : "";
    String region = signed ? credential.group(2) : "";
    String signingName = signed ? credential.group(3) : "";
    String account = accountsByKey.getOrDefault(accessKey, "unknown");
    String target = request.headers().get("X-Amz-Target");
    Protocol protocol;
    String service;
    String operation;
    if (target != null) {
      protocol = Protocol.JSON;
      service = signingName;
      operation = target.substring(target.lastIndexOf('.') + 1);
    } else if (signingName.equals("s3")) {
      boolean control = request.target().startsWith("/v20180820/");
      protocol = Protocol.REST_XML;
      service = control ? "s3control" : "s3";
      operation = control ? request.method() + " " + request.path() : S3Operations.name(request);
    } else {
      protocol = signingName.equals("ec2") ? Protocol.EC2 : Protocol.QUERY;
      service = signingName;
      operation = formParameter(request.bodyText(), "Action");
    }
    String key = String.join("|", account, region, service, operation, request.target(), request.bodyText());
    return new Call(protocol, service, operation, key);
  }

  private static String formParameter(String body, String name) {
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  /** A uniform number in [0, 1) from the seed, the request, the attempt and a stream index. */
  private double draw(String key, int attempt, int stream) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((plan.seed() + "\n" + stream + "\n" + attempt + "\n" + key).getBytes(StandardCharsets.UTF_8));
      long bits = 0;
      for (int i = 0; i < 7; i++) {
        bits = (bits << 8) | (digest[i] & 0xff);
      }
      return (bits >>> 3) / (double) (1L << 53);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already gone.
    }
  }

  enum Protocol { JSON, QUERY, EC2, REST_XML }

  /** S3 names its operations by method and sub-resource: GET /bucket?policy is GetBucketPolicy. */
  static final class S3Operations {
    private static final Map<String, String> GET = Map.ofEntries(Map.entry("location", "GetBucketLocation"),
        Map.entry("policy", "GetBucketPolicy"), Map.entry("publicAccessBlock", "GetPublicAccessBlock"),
        Map.entry("versioning", "GetBucketVersioning"), Map.entry("object-lock", "GetObjectLockConfiguration"),
        Map.entry("lifecycle", "GetBucketLifecycleConfiguration"), Map.entry("encryption", "GetBucketEncryption"),
        Map.entry("logging", "GetBucketLogging"), Map.entry("ownershipControls", "GetBucketOwnershipControls"),
        Map.entry("acl", "GetBucketAcl"));

    private S3Operations() {}

    static String name(Request request) {
      String subresource = request.query().split("[&=]")[0];
      if (request.method().equals("GET") && request.path().equals("/")) {
        return "ListBuckets";
      }
      return request.method().equals("GET") && GET.containsKey(subresource) ? GET.get(subresource)
          : request.method() + " " + (subresource.isEmpty() ? "object" : subresource);
    }
  }

  /** One attempt's identity: the protocol to answer in, service and operation, and the hash key. */
  record Call(Protocol protocol, String service, String operation, String key) {}

  /** An HTTP/1.1 request as read off the socket. */
  record Request(String method, String target, Map<String, String> headers, byte[] body) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String path() {
      int query = target.indexOf('?');
      return query < 0 ? target : target.substring(0, query);
    }

    String query() {
      int query = target.indexOf('?');
      return query < 0 ? "" : target.substring(query + 1);
    }

    /** The next request, or null at the end of the connection. */
    static Request read(InputStream in) throws IOException {
      String requestLine = line(in);
      if (requestLine == null) {
        return null;
      }
      if (requestLine.isEmpty()) {
        requestLine = line(in);
        if (requestLine == null) {
          return null;
        }
      }
      String[] parts = requestLine.split(" ");
      if (parts.length < 3) {
        throw new IOException("not an HTTP request line: " + requestLine);
      }
      Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
        int colon = header.indexOf(':');
        headers.merge(header.substring(0, colon).trim(), header.substring(colon + 1).trim(), (a, b) -> a + "," + b);
      }
      byte[] body;
      if ("chunked".equalsIgnoreCase(headers.getOrDefault("Transfer-Encoding", ""))) {
        body = chunked(in);
      } else {
        body = in.readNBytes(Integer.parseInt(headers.getOrDefault("Content-Length", "0")));
      }
      return new Request(parts[0], parts[1], headers, body);
    }

    private static byte[] chunked(InputStream in) throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String size = line(in);
        if (size == null) {
          throw new EOFException("chunked body cut short");
        }
        int length = Integer.parseInt(size.split(";")[0].trim(), 16);
        if (length == 0) {
          for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
            // Trailers carry checksums only; the emulator does not need them.
          }
          return body.toByteArray();
        }
        body.write(in.readNBytes(length));
        line(in);
      }
    }

    private static String line(InputStream in) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) != -1) {
        if (c == '\n') {
          byte[] bytes = line.toByteArray();
          int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
          return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        }
        line.write(c);
      }
      return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
  }

  /** An HTTP/1.1 response, written with its length so the connection can be kept alive. */
  record Response(int status, Map<String, String> headers, byte[] body) {
    void write(OutputStream out) throws IOException {
      StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
      try {
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
      } catch (SocketException e) {
        throw new IOException(e);
      }
    }

    private static String reason(int status) {
      return switch (status) {
        case 200 -> "OK";
        case 204 -> "No Content";
        case 400 -> "Bad Request";
        case 403 -> "Forbidden";
        case 404 -> "Not Found";
        case 500 -> "Internal Server Error";
        case 503 -> "Service Unavailable";
        default -> "Status";
      };
    }
  }
}

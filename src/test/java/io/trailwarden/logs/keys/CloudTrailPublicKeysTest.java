package io.trailwarden.logs.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.trailwarden.aws.AwsSettings;
import io.trailwarden.aws.ClientFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The production key source through the real SDK: a loopback server replays two pages of a
 * ListPublicKeys answer (src/test/resources/logs, see its README), since moto has no ListPublicKeys.
 */
class CloudTrailPublicKeysTest {
  HttpServer server;
  final List<String> requests = new ArrayList<>();
  int status = 200;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(exchange.getRequestHeaders().getFirst("X-Amz-Target") + " " + body);
      byte[] answer = status == 200 ? page(body.contains("page-2") ? 2 : 1)
          : "{\"__type\":\"AccessDeniedException\",\"message\":\"not authorized to perform cloudtrail:ListPublicKeys\"}"
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  static byte[] page(int n) throws IOException {
    try (InputStream in = CloudTrailPublicKeysTest.class.getResourceAsStream("/logs/list-public-keys-page-" + n + ".json")) {
      return in.readAllBytes();
    }
  }

  ClientFactory clients() {
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    ClientFactory clients = new ClientFactory(new AwsSettings(Optional.of(endpoint), "us-east-1", "Role", Optional.empty(), 2),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), List.of());
    clients.managementAccount("123456789012");
    return clients;
  }

  @Test
  void everyPageIsListedAndBothFormsOfTheValueDecodeToTheSameKey() {
    try (ClientFactory clients = clients()) {
      List<ListedKey> keys = new CloudTrailPublicKeys(clients, "123456789012")
          .list("eu-west-1", Instant.parse("2026-11-30T00:00:00Z"), Instant.parse("2026-12-01T02:00:00Z"));

      assertThat(keys).extracting(ListedKey::fingerprint).containsExactly("15c97f340f177db30d26e8bd284ec3a2",
          "00c97f340f177db30d26e8bd284ec3a2");
      RSAPublicKey der = PublicKeyValue.decode(keys.get(0).value());
      RSAPublicKey base64 = PublicKeyValue.decode(keys.get(1).value());
      assertThat(der.getModulus().bitLength()).isEqualTo(2048);
      assertThat(base64).isEqualTo(der);
      assertThat(keys.get(0).validityStart()).contains(Instant.ofEpochSecond(1_764_000_000L));
      assertThat(requests).hasSize(2).allSatisfy(r -> assertThat(r).contains("CloudTrail_20131101.ListPublicKeys ")
          .contains("\"StartTime\":1795996800").contains("\"EndTime\":1796090400"));
      assertThat(requests.get(1)).contains("\"NextToken\":\"page-2\"");
    }
  }

  @Test
  void aRefusalBecomesAKeyListingErrorWithTheCode() {
    status = 400;
    try (ClientFactory clients = clients()) {
      assertThatThrownBy(() -> new CloudTrailPublicKeys(clients, "123456789012").list("eu-west-1", Instant.EPOCH, Instant.now()))
          .isInstanceOfSatisfying(PublicKeySource.KeyListingException.class, e -> {
            assertThat(e.code()).isEqualTo("AccessDeniedException");
            assertThat(e.getMessage()).contains("ListPublicKeys in account 123456789012, region eu-west-1");
          });
    }
  }

  @Test
  void aSavedAnswerReadsAsTheCliPrintsIt() {
    String saved = """
        {"PublicKeyList": [{"Value": "%s", "ValidityStartTime": "2025-11-24T16:00:00+00:00",
          "ValidityEndTime": "2025-12-29T09:20:00+00:00", "Fingerprint": "15c97f340f177db30d26e8bd284ec3a2"}]}
        """.formatted(java.util.Base64.getEncoder().encodeToString(keyDer()));
    List<ListedKey> keys = SavedPublicKeys.parse(saved, "keys.json");
    assertThat(keys).singleElement().satisfies(k -> {
      assertThat(PublicKeyValue.decode(k.value()).getModulus().bitLength()).isEqualTo(2048);
      assertThat(k.validityEnd()).contains(Instant.parse("2025-12-29T09:20:00Z"));
    });
    assertThat(SavedPublicKeys.parse(SavedPublicKeys.toJson(keys), "again.json")).singleElement()
        .satisfies(k -> assertThat(k.value()).isEqualTo(keys.get(0).value()));
    assertThatThrownBy(() -> SavedPublicKeys.parse("{\"Keys\": []}", "keys.json"))
        .hasMessage("keys.json: $.PublicKeyList: missing; expected the output of aws cloudtrail list-public-keys");
    assertThatThrownBy(() -> SavedPublicKeys.parse("{\"PublicKeyList\": [{\"Fingerprint\": \"x\", \"Value\": \"@@\"}]}", "k.json"))
        .hasMessage("k.json: $.PublicKeyList[0].Value: not base64");
  }

  static byte[] keyDer() {
    try {
      String json = new String(page(1), StandardCharsets.UTF_8);
      String value = json.replaceAll("(?s).*\"Value\": \"([^\"]+)\".*", "$1");
      return java.util.Base64.getDecoder().decode(value);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

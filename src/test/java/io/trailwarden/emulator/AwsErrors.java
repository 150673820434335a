package io.trailwarden.emulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * AWS error responses in each protocol's wire form, as AWS documents them: what {@link FaultProxy}
 * answers instead of the emulator. The SDK parses these exactly as it parses AWS's own.
 */
final class AwsErrors {
  private static final AtomicLong REQUEST_IDS = new AtomicLong();

  private AwsErrors() {}

  /** The protocol's throttling answer. */
  static FaultProxy.Response throttle(FaultProxy.Call call) {
    return switch (call.protocol()) {
      case JSON -> json(400, call.service().equals("organizations") ? "TooManyRequestsException" : "ThrottlingException", "Rate exceeded");
      case QUERY -> query(400, "Sender", "Throttling", "Rate exceeded");
      case EC2 -> ec2(503, "RequestLimitExceeded", "Request limit exceeded.");
      case REST_XML -> s3(call, 503, "SlowDown", "Please reduce your request rate.");
    };
  }

  /** HTTP 500 or 503, with the code each protocol gives it. */
  static FaultProxy.Response serverError(FaultProxy.Call call, int status) {
    boolean internal = status == 500;
    return switch (call.protocol()) {
      case JSON -> json(status, internal ? (call.service().equals("organizations") ? "ServiceException" : "InternalFailure")
          : "ServiceUnavailable", internal ? "An internal error occurred." : "The service is unavailable.");
      case QUERY -> query(status, "Receiver", internal ? "InternalFailure" : "ServiceUnavailable",
          internal ? "An internal error occurred." : "The service is unavailable.");
      case EC2 -> ec2(status, internal ? "InternalError" : "Unavailable",
          internal ? "An internal error has occurred." : "The server is overloaded and can't handle the request.");
      case REST_XML -> s3(call, status, internal ? "InternalError" : "ServiceUnavailable",
          internal ? "We encountered an internal error. Please try again." : "Service is unable to handle request.");
    };
  }

  /** 403 (400 for JSON protocols) AccessDenied naming the action refused. */
  static FaultProxy.Response accessDenied(FaultProxy.Call call, String action) {
    String message = "User: arn:aws:sts::caller is not authorized to perform: " + action;
    return switch (call.protocol()) {
      case JSON -> json(400, "AccessDeniedException", message);
      case QUERY -> query(403, "Sender", "AccessDenied", message);
      case EC2 -> ec2(403, "UnauthorizedOperation", message);
      case REST_XML -> s3(call, 403, "AccessDenied", "Access Denied");
    };
  }

  private static FaultProxy.Response json(int status, String code, String message) {
    Map<String, String> headers = headers("application/x-amz-json-1.1");
    headers.put("x-amzn-RequestId", requestId());
    headers.put("x-amzn-ErrorType", code);
    return new FaultProxy.Response(status, headers, bytes("{\"__type\":\"" + code + "\",\"message\":\"" + message + "\"}"));
  }

  private static FaultProxy.Response query(int status, String type, String code, String message) {
    return new FaultProxy.Response(status, headers("text/xml"), bytes("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
        + "<Error><Type>" + type + "</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error>"
        + "<RequestId>" + requestId() + "</RequestId></ErrorResponse>"));
  }

  private static FaultProxy.Response ec2(int status, String code, String message) {
    return new FaultProxy.Response(status, headers("text/xml;charset=UTF-8"), bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Response><Errors><Error><Code>" + code + "</Code><Message>" + message + "</Message></Error></Errors>"
        + "<RequestID>" + requestId() + "</RequestID></Response>"));
  }

  /** S3 answers a bare {@code <Error>}; S3 Control wraps it in {@code <ErrorResponse>}. */
  private static FaultProxy.Response s3(FaultProxy.Call call, int status, String code, String message) {
    String id = requestId();
    Map<String, String> headers = headers("application/xml");
    headers.put("x-amz-request-id", id);
    headers.put("x-amz-id-2", "fault-proxy/" + id);
    String error = "<Error><Code>" + code + "</Code><Message>" + message + "</Message><RequestId>" + id + "</RequestId>"
        + "<HostId>fault-proxy/" + id + "</HostId></Error>";
    String body = call.service().equals("s3control") ? "<ErrorResponse>" + error + "</ErrorResponse>" : error;
    return new FaultProxy.Response(status, headers, bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body));
  }

  private static Map<String, String> headers(String contentType) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    return headers;
  }

  private static String requestId() {
    return "fault-" + REQUEST_IDS.incrementAndGet();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

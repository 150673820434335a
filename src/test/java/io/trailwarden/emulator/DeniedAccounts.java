package io.trailwarden.emulator;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Failure injection for what moto does not emulate (architecture.md §9): moto lets any role be assumed, so a
 * member account whose role cannot be assumed is made here, on the Java side, by answering AssumeRole
 * into the accounts named in the system property {@value #PROPERTY} with AccessDenied, as AWS would.
 * Registered for every SDK client of the test JVM through
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}; inert when the property is unset.
 */
public final class DeniedAccounts implements ExecutionInterceptor {
  public static final String PROPERTY = "trailwarden.test.deniedAccounts";

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    if (request instanceof AssumeRoleRequest assume) {
      String account = assume.roleArn().split(":")[4];
      if (denied().contains(account)) {
        throw StsException.builder()
            .statusCode(403)
            .message("User is not authorized to perform: sts:AssumeRole on resource: " + assume.roleArn())
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").serviceName("Sts")
                .errorMessage("User is not authorized to perform: sts:AssumeRole on resource: " + assume.roleArn()).build())
            .build();
      }
    }
  }

  private static Set<String> denied() {
    String value = System.getProperty(PROPERTY, "");
    return value.isBlank() ? Set.of() : Set.of(value.split(","));
  }
}

package io.partnerlink.testsupport;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the AWS API calls every SDK client in the test JVM makes, by operation name ({@code GetSecretValue},
 * {@code PutItem}). Registered through the SDK's own global-interceptor file
 * ({@code software/amazon/awssdk/global/handlers/execution.interceptors}); it observes, it changes nothing.
 */
public class AwsCalls implements ExecutionInterceptor {

    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        CALLS.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
    }

    public static int count(String operation) {
        AtomicInteger n = CALLS.get(operation);
        return n == null ? 0 : n.get();
    }
}

package io.partnerlink.shared.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import org.slf4j.MDC;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The Lambda entry point of every function: JSON in, JSON out, through Micronaut Serde. One codec (compile-time,
 * no reflection) serves every trigger, so Lambda, the local runner and the tests hand the handler identical bytes;
 * Micronaut's POJO handler would leave event decoding to the runtime's reflective serializer instead.
 * The application context is built once per container, when Lambda constructs the handler.
 */
public abstract class JsonStreamFunction<I, O> implements RequestStreamHandler, AutoCloseable {

    public static final String MDC_REQUEST_ID = "requestId";
    public static final String MDC_FUNCTION = "functionName";

    private final ApplicationContext context;
    private final ObjectMapper json;

    protected JsonStreamFunction(ApplicationContext context) {
        this.context = context;
        this.json = context.getBean(ObjectMapper.class);
    }

    /** The context Lambda uses: environment {@code function}, configuration from environment variables. */
    protected static ApplicationContext lambdaContext() {
        return ApplicationContext.builder().deduceEnvironment(false).environments("function").start();
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context lambda) throws IOException {
        String function = lambda != null ? lambda.getFunctionName() : System.getenv("AWS_LAMBDA_FUNCTION_NAME");
        if (function != null) {
            MDC.put(MDC_FUNCTION, function);
        }
        if (lambda != null) {
            MDC.put(MDC_REQUEST_ID, lambda.getAwsRequestId());
        }
        try {
            O result = handle(input.readAllBytes(), lambda);
            json.writeValue(output, result);
        } finally {
            MDC.clear();
        }
    }

    /** Handles one raw event. */
    protected abstract O handle(byte[] event, Context lambda) throws IOException;

    protected final <T> T decode(byte[] event, Argument<T> type) throws IOException {
        return json.readValue(event, type);
    }

    public ApplicationContext applicationContext() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}

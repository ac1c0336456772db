package io.partnerlink.local.host;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The "container" of one function: a JVM of its own (own environment, own classpath with the function's jar
 * first, like Lambda's), started by the runner. It constructs the handler once (Lambda's init phase), then
 * serves invocations on a loopback port: {@code POST /invoke} with the raw event, answering the raw result.
 * <p>
 * Uses nothing but the JDK and aws-lambda-java-core, which Lambda's Java runtime also provides. It exits when the
 * runner closes its standard input, so a runner that dies leaves no host behind.
 */
public final class FunctionHost {

    /** Printed on standard output once the handler is constructed; followed by the port. */
    public static final String READY = "@@partnerlink-function-host ready ";
    /** Printed when the handler cannot be constructed; followed by the reason (one line). */
    public static final String FAILED = "@@partnerlink-function-host failed ";
    public static final String REQUEST_ID = "X-Request-Id";
    public static final String DEADLINE = "X-Deadline-Epoch-Ms";
    public static final String FUNCTION_ERROR = "X-Function-Error";

    private final RequestStreamHandler handler;
    private final String functionName;
    private final int memoryMb;
    private final String region;

    private FunctionHost(RequestStreamHandler handler) {
        this.handler = handler;
        this.functionName = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "function");
        this.memoryMb = Integer.parseInt(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512"));
        this.region = System.getenv().getOrDefault("AWS_REGION", "eu-north-1");
    }

    public static void main(String[] args) throws IOException {
        exitWhenRunnerGoes();
        RequestStreamHandler handler;
        try {
            handler = construct(args[0]);
        } catch (Throwable e) {
            Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            if (!(cause instanceof ClassNotFoundException)) {
                cause.printStackTrace();
            }
            System.out.println(FAILED + oneLine(cause));
            System.out.flush();
            System.exit(3);
            return;
        }
        if (handler instanceof AutoCloseable closeable) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(closeable), "handler-close"));
        }
        FunctionHost host = new FunctionHost(handler);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/invoke", host::invoke);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        System.out.println(READY + server.getAddress().getPort());
        System.out.flush();
    }

    private static RequestStreamHandler construct(String handler) throws ReflectiveOperationException {
        String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        Class<?> type = Class.forName(className, true, FunctionHost.class.getClassLoader());
        if (!RequestStreamHandler.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(className + " does not implement RequestStreamHandler,"
                    + " the only handler kind the local runner hosts");
        }
        return (RequestStreamHandler) type.getDeclaredConstructor().newInstance();
    }

    private void invoke(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] event = exchange.getRequestBody().readAllBytes();
            String requestId = exchange.getRequestHeaders().getFirst(REQUEST_ID);
            long deadline = Long.parseLong(exchange.getRequestHeaders().getFirst(DEADLINE));
            HostContext context = new HostContext(requestId, functionName, deadline, memoryMb, region);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = 200;
            byte[] answer;
            try (InputStream in = new ByteArrayInputStream(event)) {
                handler.handleRequest(in, out, context);
                answer = out.toByteArray();
            } catch (Throwable e) {
                // The stack trace goes to the log (the runner forwards it); the caller gets the type only.
                System.err.println("Invocation " + requestId + " failed:");
                e.printStackTrace();
                status = 500;
                exchange.getResponseHeaders().add(FUNCTION_ERROR, e.getClass().getName());
                answer = ("{\"errorType\":\"" + e.getClass().getName() + "\"}").getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(answer);
                }
            }
        }
    }

    private static void exitWhenRunnerGoes() {
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // the runner never writes; end of stream means it has gone
                }
            } catch (IOException gone) {
                // same as end of stream
            }
            System.exit(0);
        }, "runner-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("Closing the handler failed: " + oneLine(e));
        }
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        return (e.getClass().getName() + message).replaceAll("\\s+", " ");
    }
}

package io.partnerlink.testsupport;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A function's shaded jar (the deployable) loaded as Lambda loads it: its own class loader over the jar alone,
 * above the JDK's platform classes, so a class the jar lacks fails here as it fails on Lambda, while the test
 * classpath (which has netty, WireMock, ...) cannot stand in for it. Selected by the system property
 * {@value #PROPERTY} (the jar's path), which each function's pom sets when failsafe reruns the fault matrix and
 * hostile-input suites after {@code package}; unset, the beds construct the handler from {@code target/classes}.
 * <p>
 * An invocation that ends in an {@link Error}, or a 500 the function did not choose (its catch-all
 * {@code internal-error} problem), fails the test.
 */
public final class ShippedJar {

    public static final String PROPERTY = "partnerlink.shipped-jar";
    private static final Pattern UNCHOSEN_500 = Pattern.compile("\"statusCode\"\\s*:\\s*500\\b.*internal-error", Pattern.DOTALL);
    private static ClassLoader loader;

    private ShippedJar() {
    }

    /** Whether this run goes through the shipped jar. */
    public static boolean selected() {
        String jar = System.getProperty(PROPERTY);
        return jar != null && !jar.isBlank();
    }

    /**
     * The handler {@code handlerClass} of the jar, built on an application context of the jar's own Micronaut with
     * {@code properties}, in Lambda's environment {@code function} (as JsonStreamFunction.lambdaContext() builds it,
     * with the bed's settings instead of environment variables; the test-only beans of the test-jar do not exist).
     */
    public static RequestStreamHandler handler(Class<?> handlerClass, Map<String, Object> properties) {
        ClassLoader jar = loader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(jar);
        try {
            Class<?> contexts = Class.forName("io.micronaut.context.ApplicationContext", true, jar);
            Class<?> builders = Class.forName("io.micronaut.context.ApplicationContextBuilder", true, jar);
            Object builder = contexts.getMethod("builder").invoke(null);
            builders.getMethod("deduceEnvironment", Boolean.class).invoke(builder, Boolean.FALSE);
            builders.getMethod("environments", String[].class).invoke(builder, (Object) new String[]{"function"});
            builders.getMethod("properties", Map.class).invoke(builder, properties);
            Object context = builders.getMethod("start").invoke(builder);
            Object handler = Class.forName(handlerClass.getName(), true, jar).getConstructor(contexts).newInstance(context);
            return new Invoker(handler, jar);
        } catch (InvocationTargetException e) {
            throw new AssertionError("the shipped jar's " + handlerClass.getSimpleName() + " did not start", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the shipped jar has no usable " + handlerClass.getName(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Closes a bed's handler and the context it was built on; a shipped jar's handler closes its own. */
    public static void close(RequestStreamHandler handler, AutoCloseable context) {
        try {
            if (handler instanceof Invoker shipped) {
                shipped.close();
            }
            context.close();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static synchronized ClassLoader loader() {
        if (loader == null) {
            Path jar = Path.of(System.getProperty(PROPERTY));
            if (!Files.isRegularFile(jar)) {
                throw new AssertionError(jar + " is not built");
            }
            try {
                loader = new URLClassLoader("shipped-jar", new URL[]{jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return loader;
    }

    /** The jar's handler behind the test side's interface; the Lambda context handed over by a proxy. */
    private record Invoker(Object handler, ClassLoader jar) implements RequestStreamHandler, AutoCloseable {

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(jar);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                Class<?> contextType = Class.forName(Context.class.getName(), false, jar);
                Object lambda = context == null ? null : Proxy.newProxyInstance(jar, new Class<?>[]{contextType},
                        (proxy, m, args) -> m.getReturnType().isPrimitive() || m.getReturnType() == String.class
                                ? Context.class.getMethod(m.getName()).invoke(context) : null);
                handler.getClass().getMethod("handleRequest", InputStream.class, OutputStream.class, contextType)
                        .invoke(handler, input, answer, lambda);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Error error) {
                    throw new AssertionError("the invocation ended in an Error: " + error, error);
                }
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) e.getCause();
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            } finally {
                thread.setContextClassLoader(previous);
            }
            String text = answer.toString(StandardCharsets.UTF_8);
            if (UNCHOSEN_500.matcher(text).find()) {
                throw new AssertionError("a 500 the function did not choose: " + text);
            }
            output.write(answer.toByteArray());
        }

        @Override
        public void close() {
            try {
                handler.getClass().getMethod("close").invoke(handler);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("the shipped jar's handler did not close", e);
            }
        }
    }
}

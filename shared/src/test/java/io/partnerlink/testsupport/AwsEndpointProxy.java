package io.partnerlink.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import java.net.URI;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A switch in front of one local AWS endpoint (DynamoDB Local or moto), for one function's SDK client only: it
 * forwards every call, and can be turned off ({@link #down()}: connection refused, the service is unreachable)
 * or made to drop only the calls of one operation whose body contains a marker ({@link #dropCalls}), which is how
 * a test makes "the Lambda died before its result was recorded" happen at exactly that write.
 * <p>
 * Point a function at it with {@link #building}: the SDK reads {@code aws.endpointUrl<Service>} when a client is
 * built, so the property is set only while the function's client is built, then restored (it is JVM-global).
 */
public final class AwsEndpointProxy implements AutoCloseable {

    private final URI target;
    private final int port = Ports.free();
    private WireMockServer server;

    private AwsEndpointProxy(URI target) {
        this.target = target;
        up();
    }

    public static AwsEndpointProxy to(URI target) {
        return new AwsEndpointProxy(target);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Forwards everything again, on the same port. */
    public synchronized void up() {
        if (server != null) {
            server.resetAll();
        } else {
            server = new WireMockServer(options().bindAddress("127.0.0.1").port(port).containerThreads(80));
            server.start();
        }
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(target.toString())));
    }

    /** Stops listening: every call is refused, as when the service cannot be reached. */
    public synchronized void down() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Resets the connection of every {@code X-Amz-Target} call whose body contains {@code marker}; forwards the rest. */
    public synchronized void dropCalls(String amzTarget, String marker) {
        server.stubFor(post(anyUrl()).atPriority(1).withHeader("X-Amz-Target", equalTo(amzTarget))
                .withRequestBody(containing(marker)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** How many calls of an {@code X-Amz-Target} operation reached the proxy. */
    public synchronized int calls(String amzTarget) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(anyUrl())
                .withHeader("X-Amz-Target", equalTo(amzTarget))).size();
    }

    /**
     * Runs {@code build} (which must create the function's SDK client, e.g. {@code context.getBean(DynamoDbClient.class)})
     * with the SDK endpoint property {@code systemProperty} pointing at this proxy, then restores the property.
     */
    public <T> T building(String systemProperty, Supplier<T> build) {
        synchronized (System.class) {
            String before = System.getProperty(systemProperty);
            System.setProperty(systemProperty, endpoint().toString());
            try {
                return build.get();
            } finally {
                if (before == null) {
                    System.clearProperty(systemProperty);
                } else {
                    System.setProperty(systemProperty, before);
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        down();
    }
}

package io.partnerlink.local.aws;

import io.partnerlink.local.Console;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.net.URI;

/**
 * DynamoDB Local 3.x in this JVM, in memory, one database for every credential and region ({@code -sharedDb}, so
 * {@code aws dynamodb scan --endpoint-url ...} with any profile sees the functions' tables).
 */
public final class DynamoDbLocalServer implements AutoCloseable {

    private final int port;
    private final DynamoDBProxyServer server;

    private DynamoDbLocalServer(int port, DynamoDBProxyServer server) {
        this.port = port;
        this.server = server;
    }

    public static DynamoDbLocalServer start(int port) throws Exception {
        return start(port, "127.0.0.1");
    }

    /** On {@code host}: loopback by default, 0.0.0.0 (DynamoDB Local's own default) for containers. */
    public static DynamoDbLocalServer start(int port, String host) throws Exception {
        // It prints its configuration on System.out; the runner's console writes to the stdout descriptor, not
        // through System.out, so this swap silences only DynamoDB Local.
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[]{
                    "-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
            bindTo(server, host);
            server.start();
            return new DynamoDbLocalServer(port, server);
        } finally {
            System.setOut(stdout);
        }
    }

    /** DynamoDB Local has no host option and listens on every interface; a local stack should not unless asked. */
    private static void bindTo(DynamoDBProxyServer proxy, String host) {
        try {
            Field field = DynamoDBProxyServer.class.getDeclaredField("server");
            field.setAccessible(true);
            for (Connector connector : ((Server) field.get(proxy)).getConnectors()) {
                if (connector instanceof ServerConnector serverConnector) {
                    serverConnector.setHost(host);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            Console.warn("DynamoDB Local listens on all interfaces (could not restrict it to loopback: " + e + ")");
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}

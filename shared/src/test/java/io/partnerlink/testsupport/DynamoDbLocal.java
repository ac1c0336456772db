package io.partnerlink.testsupport;

import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.net.URI;

/** DynamoDB Local 3.3.1 in server mode, in memory, on a free 127.0.0.1 port. */
final class DynamoDbLocal {

    private final int port;
    private DynamoDBProxyServer server;

    private DynamoDbLocal(int port) {
        this.port = port;
    }

    static DynamoDbLocal start() {
        DynamoDbLocal local = new DynamoDbLocal(Ports.free());
        local.restart();
        Runtime.getRuntime().addShutdownHook(new Thread(local::stop, "dynamodb-local-stop"));
        return local;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    synchronized void restart() {
        if (server != null) {
            return;
        }
        try {
            server = ServerRunner.createServerFromCommandLineArgs(new String[]{
                    "-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
        }
    }

    synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        } finally {
            server = null;
        }
    }
}

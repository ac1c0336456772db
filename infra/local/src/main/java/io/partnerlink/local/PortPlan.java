package io.partnerlink.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Which port each part listens on; see {@link RunnerOptions} for the layout. */
record PortPlan(int front, int dynamoDb, int moto, List<Integer> sandboxes, List<String> partners) {

    static PortPlan of(int base, List<String> partners) {
        List<Integer> sandboxes = new ArrayList<>();
        for (int i = 0; i < partners.size(); i++) {
            sandboxes.add(base == 0 ? free() : base + RunnerOptions.SANDBOX_OFFSET + i);
        }
        return base == 0
                ? new PortPlan(0, free(), free(), sandboxes, partners)
                : new PortPlan(base, base + RunnerOptions.DYNAMODB_OFFSET, base + RunnerOptions.MOTO_OFFSET, sandboxes, partners);
    }

    /** Fails with one line naming the first busy port and what uses it here. */
    void checkFree(boolean emulators, InetAddress host) throws PortInUseException {
        check(front, "the API", host);
        if (emulators) {
            check(dynamoDb, "DynamoDB Local", host);
            check(moto, "moto_server", host);
        }
        for (int i = 0; i < sandboxes.size(); i++) {
            check(sandboxes.get(i), "the " + partners.get(i) + " sandbox", host);
        }
    }

    private static void check(int port, String what, InetAddress host) throws PortInUseException {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket(port, 1, host)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new PortInUseException("port " + port + " (" + what + ") is in use: stop what holds it,"
                    + " or choose another base port, e.g. PORT=4000 infra/local/start");
        }
    }

    private static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }

    static final class PortInUseException extends Exception {
        PortInUseException(String message) {
            super(message);
        }
    }
}

package io.partnerlink.local.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A client that writes exactly the bytes a test gives it (no client library would send a malformed request) and
 * reads answers off the same connection, telling whether the server closed it afterwards.
 */
final class RawHttp implements AutoCloseable {

    record Answer(int status, List<Map.Entry<String, String>> headers, byte[] body) {

        String header(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final InputStream in;

    RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    RawHttp send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    /** The next answer (after any 1xx); fails the test if none comes within 10 s. */
    Answer answer() throws IOException {
        while (true) {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (String line = line(); !line.isEmpty(); line = line()) {
                int colon = line.indexOf(':');
                headers.add(Map.entry(line.substring(0, colon), line.substring(colon + 1).strip()));
            }
            if (status < 200) {
                continue;
            }
            String length = headers.stream().filter(h -> h.getKey().equalsIgnoreCase("content-length"))
                    .map(Map.Entry::getValue).findFirst().orElse("0");
            return new Answer(status, headers, in.readNBytes(Integer.parseInt(length)));
        }
    }

    /** Whether the server closed the connection (end of stream) rather than holding it open for 10 s. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException heldOpen) {
            return false;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed without a complete answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

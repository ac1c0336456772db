package io.partnerlink.local.http;

import io.partnerlink.local.Console;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The front's connections, HTTP/1.1 over plain sockets (one virtual thread each): {@link RequestReader} checks each
 * request from its bytes, the handler answers it, and the answer goes out with lower-case header names, as API
 * Gateway's HTTP API sends them. A request the reader refuses is answered with problem JSON (no handler call) and
 * the connection is closed, since the bytes after it cannot be framed; a client that stops sending in the middle
 * of a request gets the same after the read timeout instead of a connection held open.
 */
final class FrontDoor implements AutoCloseable {

    interface Handler {
        HttpAnswer handle(WireRequest request, String sourceIp, String requestId);
    }

    private static final int LINGER_MILLIS = 2000;
    private static final long LINGER_BYTES = 32L << 20;
    private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "connection", "apigw-requestid");
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    private final ServerSocket server;
    private final Handler handler;
    private final int readTimeoutMillis;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    FrontDoor(InetAddress host, int port, Duration readTimeout, Handler handler) throws IOException {
        this.server = new ServerSocket(port, 100, host);
        this.handler = handler;
        this.readTimeoutMillis = (int) readTimeout.toMillis();
    }

    void start() {
        threads.submit(this::acceptAll);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptAll() {
        while (!closed) {
            try {
                Socket connection = server.accept();
                open.add(connection);
                threads.submit(() -> serve(connection));
            } catch (IOException e) {
                if (!closed) {
                    Console.warn("The API stopped accepting connections: " + e.getMessage());
                }
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setSoTimeout(readTimeoutMillis);
            connection.setTcpNoDelay(true);
            OutputStream out = new BufferedOutputStream(connection.getOutputStream());
            RequestReader reader = new RequestReader(new BufferedInputStream(connection.getInputStream()), out);
            String sourceIp = ((InetSocketAddress) connection.getRemoteSocketAddress()).getAddress().getHostAddress();
            while (!closed) {
                String requestId = UUID.randomUUID().toString();
                WireRequest request;
                try {
                    request = reader.next();
                } catch (MalformedRequest e) {
                    refuse(out, e, requestId);
                    lingeringClose(connection);
                    return;
                } catch (SocketTimeoutException e) {
                    if (reader.started()) {
                        refuse(out, MalformedRequest.bad("The request did not arrive complete within "
                                + readTimeoutMillis / 1000 + " s."), requestId);
                    }
                    return;
                }
                if (request == null) {
                    return;
                }
                HttpAnswer answer = handler.handle(request, sourceIp, requestId);
                write(out, answer, requestId, request.method().equals("HEAD"), !request.keepAlive());
                if (!request.keepAlive()) {
                    return;
                }
            }
        } catch (IOException clientGone) {
            // nothing to answer to
        } finally {
            open.remove(connection);
        }
    }

    /**
     * Closes after a refusal the way web servers do ("lingering close"): send FIN, then read and drop what the client
     * is still sending, for a bounded time and amount. Closing with unread bytes would make the kernel answer with a
     * reset, and a client that writes its whole request before reading (curl) would then never see our answer.
     */
    private static void lingeringClose(Socket connection) {
        try {
            connection.shutdownOutput();
            connection.setSoTimeout(LINGER_MILLIS);
            java.io.InputStream in = connection.getInputStream();
            byte[] sink = new byte[64 * 1024];
            long until = System.nanoTime() + LINGER_MILLIS * 1_000_000L;
            long drained = 0;
            for (int n = in.read(sink); n >= 0 && drained < LINGER_BYTES && System.nanoTime() < until; n = in.read(sink)) {
                drained += n;
            }
        } catch (IOException lingerOver) {
            // the client went quiet (timeout) or away: either way the lingering is over, and the answer was sent
        }
    }

    private static void refuse(OutputStream out, MalformedRequest e, String requestId) throws IOException {
        Console.info("malformed request -> " + e.status() + " (" + e.getMessage() + "), request " + requestId);
        HttpAnswer problem = e.status() == 413
                ? Problems.of(413, "payload-too-large", "Payload too large", e.getMessage(), requestId)
                : Problems.of(400, "bad-request", "Bad request", e.getMessage(), requestId);
        write(out, problem, requestId, false, true);
    }

    static void write(OutputStream out, HttpAnswer answer, String requestId, boolean head, boolean close) throws IOException {
        int status = answer.status();
        StringBuilder lines = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        lines.append("date: ").append(HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
        for (Map.Entry<String, String> header : answer.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            String value = header.getValue();
            if (FRAMING.contains(name)) {
                continue;
            }
            if (!RequestReader.isToken(name) || value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                Console.warn("Dropped the answer header " + name.replaceAll("[^\\x21-\\x7e]", "?")
                        + " of request " + requestId + ": not a valid header line");
                continue;
            }
            lines.append(name).append(": ").append(value).append("\r\n");
        }
        boolean bodyless = status == 204 || status == 304;
        if (!bodyless) {
            lines.append("content-length: ").append(answer.body().length).append("\r\n");
        }
        lines.append("apigw-requestid: ").append(requestId).append("\r\n");
        if (close) {
            lines.append("connection: close\r\n");
        }
        out.write(lines.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        if (!bodyless && !head) {
            out.write(answer.body());
        }
        out.flush();
    }

    /** The reason phrase, which is also the {@code message} API Gateway's own error answers carry. */
    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Request Entity Too Large";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status " + status;
        };
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            Console.warn("Closing the API's socket failed: " + e.getMessage());
        }
        open.forEach(socket -> {
            try {
                socket.close();
            } catch (IOException e) {
                Console.warn("Closing a connection to the API failed: " + e.getMessage());
            }
        });
        threads.shutdownNow();
    }
}

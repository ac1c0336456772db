package io.partnerlink.local.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one HTTP/1.1 request from the raw bytes, refusing what API Gateway's HTTP API refuses, before anything is
 * decoded or invoked. Hand-written because the JDK's HttpServer parses first (it folds tabs and continuation lines
 * into one space, answers its own HTML naming Java exceptions, drops the connection past 200 headers) and the
 * embedded servers on the classpath (Jetty, via DynamoDB Local) have their own, different leniencies and limits.
 *
 * <p>Limits as API Gateway documents them for HTTP APIs: request line plus header values at most 10,240 bytes,
 * payload at most 10 MB. RFC 9112 decides the rest, taking the strict choice wherever it offers one: CRLF line
 * ends only, no obs-fold, no whitespace before a header's colon, no control characters in values, one framing
 * (Content-Length digits only, or {@code Transfer-Encoding: chunked}, never both), a Host header on HTTP/1.1.
 */
final class RequestReader {

    /** API Gateway HTTP API quota: "total combined size of request line and header values". */
    static final int MAX_LINE_AND_VALUES = 10_240;
    /** The whole head with names and line ends: not an API Gateway figure, only a bound for header-only floods. */
    static final int MAX_HEAD = 64 * 1024;
    /** API Gateway HTTP API quota: payload size 10 MB (taken as MiB, the larger reading). */
    static final int MAX_BODY = 10 * 1024 * 1024;
    /** The methods an HTTP API route can name (ANY stands for these); methods are case-sensitive (RFC 9110 9.1). */
    static final Set<String> METHODS = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

    private static final int CHUNK_LINE = 1024;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final InputStream in;
    private final OutputStream out;
    /** Bytes the current line may still take: the head's bound, or a chunk-size line's own. */
    private int remaining;
    /** What to say when the current line runs past {@link #remaining}. */
    private String tooLong;
    /** Whether a byte of the current request has arrived (a timeout then is a truncated request, not an idle one). */
    private boolean started;

    RequestReader(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** The next request, or null when the client closed the connection between requests. */
    WireRequest next() throws IOException, MalformedRequest {
        remaining = MAX_HEAD;
        tooLong = "The request head is longer than " + MAX_HEAD + " bytes (API Gateway takes " + MAX_LINE_AND_VALUES
                + " bytes of request line and header values).";
        started = false;
        byte[] line = line(true);
        while (line != null && line.length == 0) {
            line = line(true); // RFC 9112 2.2: empty lines before a request line are ignored
        }
        if (line == null) {
            return null;
        }
        int budget = line.length;
        String requestLine = ascii(line);
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3) {
            throw MalformedRequest.bad("The request line is not METHOD, one space, target, one space, version.");
        }
        String method = parts[0];
        if (!isToken(method)) {
            throw MalformedRequest.bad("The method is not an HTTP token.");
        }
        if (!METHODS.contains(method)) {
            throw MalformedRequest.bad("Unsupported method; an HTTP API knows " + String.join(", ", METHODS.stream().sorted().toList())
                    + " (methods are case-sensitive).");
        }
        String version = parts[2];
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw MalformedRequest.bad("The protocol version is not HTTP/1.1 or HTTP/1.0.");
        }
        String target = parts[1];
        checkTarget(target);
        int question = target.indexOf('?');
        String rawPath = question < 0 ? target : target.substring(0, question);
        String rawQuery = question < 0 ? null : target.substring(question + 1);

        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (byte[] header = line(false); header.length > 0; header = line(false)) {
            Map.Entry<String, String> field = field(header);
            budget += field.getValue().getBytes(StandardCharsets.UTF_8).length;
            if (budget > MAX_LINE_AND_VALUES) {
                throw MalformedRequest.bad("The request line and header values exceed API Gateway's limit of "
                        + MAX_LINE_AND_VALUES + " bytes.");
            }
            headers.add(field);
        }
        boolean http11 = version.equals("HTTP/1.1");
        List<String> hosts = values(headers, "host");
        if (http11 && hosts.size() != 1 || hosts.size() > 1) {
            throw MalformedRequest.bad("An HTTP/1.1 request has exactly one Host header.");
        }
        String connection = String.join(",", values(headers, "connection")).toLowerCase(Locale.ROOT);
        boolean keepAlive = http11 ? !connection.contains("close") : connection.contains("keep-alive");
        return new WireRequest(method, rawPath, rawQuery, List.copyOf(headers), body(headers, http11), keepAlive);
    }

    private byte[] body(List<Map.Entry<String, String>> headers, boolean http11) throws IOException, MalformedRequest {
        List<String> encodings = values(headers, "transfer-encoding");
        List<String> lengths = values(headers, "content-length");
        if (!encodings.isEmpty()) {
            if (!lengths.isEmpty()) {
                throw MalformedRequest.bad("A request has Content-Length or Transfer-Encoding, not both.");
            }
            if (!http11 || encodings.size() != 1 || !encodings.get(0).equalsIgnoreCase("chunked")) {
                throw MalformedRequest.bad("The only transfer coding accepted is chunked, on HTTP/1.1.");
            }
            expectContinue(headers);
            return chunked();
        }
        long length = contentLength(lengths);
        if (length > MAX_BODY) {
            throw new MalformedRequest(413, "The body is larger than API Gateway's limit of 10 MB.");
        }
        if (length > 0) {
            expectContinue(headers);
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw MalformedRequest.bad("The connection ended before the Content-Length bytes of the body.");
        }
        return body;
    }

    private static long contentLength(List<String> lengths) throws MalformedRequest {
        long length = 0;
        String seen = null;
        for (String header : lengths) {
            for (String value : header.split(",", -1)) {
                String digits = value.strip();
                if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw MalformedRequest.bad("Content-Length is not a number of bytes.");
                }
                if (seen != null && !seen.equals(digits)) {
                    throw MalformedRequest.bad("The request has different Content-Length values.");
                }
                seen = digits;
                String significant = digits.replaceFirst("^0+(?=.)", "");
                length = significant.length() > 9 ? Long.MAX_VALUE : Long.parseLong(significant);
            }
        }
        return length;
    }

    private void expectContinue(List<Map.Entry<String, String>> headers) throws IOException {
        if (values(headers, "expect").stream().anyMatch(v -> v.equalsIgnoreCase("100-continue"))) {
            out.write(CONTINUE);
            out.flush();
        }
    }

    private byte[] chunked() throws IOException, MalformedRequest {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        while (true) {
            remaining = CHUNK_LINE; // each chunk-size line (the trailers after the last one share it)
            tooLong = "A chunk-size line (or the trailers) of the chunked body is longer than " + CHUNK_LINE + " bytes.";
            byte[] sizeLine = line(false);
            String size = ascii(sizeLine);
            int semicolon = size.indexOf(';');
            String hex = (semicolon < 0 ? size : size.substring(0, semicolon)).stripTrailing();
            if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw MalformedRequest.bad("The chunked body has a malformed chunk size.");
            }
            long chunk = Long.parseLong(hex, 16);
            if (chunk == 0) {
                for (byte[] trailer = line(false); trailer.length > 0; trailer = line(false)) {
                    field(trailer); // trailers are checked like headers and dropped, as API Gateway has no place for them
                }
                return body.toByteArray();
            }
            if (body.size() + chunk > MAX_BODY) {
                throw new MalformedRequest(413, "The body is larger than API Gateway's limit of 10 MB.");
            }
            byte[] data = in.readNBytes((int) chunk);
            if (data.length < chunk) {
                throw MalformedRequest.bad("The connection ended inside a chunk of the body.");
            }
            body.write(data);
            if (in.read() != '\r' || in.read() != '\n') {
                throw MalformedRequest.bad("A chunk of the body is longer than its size says.");
            }
        }
    }

    /** One header (or trailer) line: a token, a colon, optional blanks, the value byte for byte, optional blanks. */
    private static Map.Entry<String, String> field(byte[] line) throws MalformedRequest {
        if (line[0] == ' ' || line[0] == '\t') {
            throw MalformedRequest.bad("A header line starts with whitespace (obs-fold), which is not accepted.");
        }
        int colon = indexOf(line, (byte) ':');
        if (colon <= 0) {
            throw MalformedRequest.bad("A header line has no name followed by a colon.");
        }
        String name = ascii(java.util.Arrays.copyOfRange(line, 0, colon));
        if (!isToken(name)) {
            throw MalformedRequest.bad("A header name is not an HTTP token (no spaces or control characters; none before the colon).");
        }
        int start = colon + 1;
        int end = line.length;
        while (start < end && (line[start] == ' ' || line[start] == '\t')) {
            start++;
        }
        while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
            end--;
        }
        boolean ascii = true;
        for (int i = start; i < end; i++) {
            int b = line[i] & 0xff;
            if (b < 0x20 && b != '\t' || b == 0x7f) {
                throw MalformedRequest.bad("The value of header " + name + " contains a control character.");
            }
            ascii &= b < 0x80;
        }
        byte[] value = java.util.Arrays.copyOfRange(line, start, end);
        if (!ascii && !isUtf8(value)) {
            throw MalformedRequest.bad("The value of header " + name + " is not valid UTF-8.");
        }
        return Map.entry(name, new String(value, StandardCharsets.UTF_8));
    }

    /** origin-form only: a path from "/", visible ASCII, every % followed by two hex digits, no fragment. */
    private static void checkTarget(String target) throws MalformedRequest {
        if (!target.startsWith("/")) {
            throw MalformedRequest.bad("The request target is not a path starting with /.");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '#') {
                throw MalformedRequest.bad("The request target contains a byte that must be percent-encoded.");
            }
            if (c == '%' && (i + 2 >= target.length() || Character.digit(target.charAt(i + 1), 16) < 0
                    || Character.digit(target.charAt(i + 2), 16) < 0)) {
                throw MalformedRequest.bad("The request target has a % not followed by two hex digits.");
            }
        }
        if (!isUtf8(percentDecoded(target))) {
            // Decoded path parameters and query values would otherwise carry U+FFFD for what was sent.
            throw MalformedRequest.bad("The percent escapes of the request target do not decode to UTF-8.");
        }
    }

    private static byte[] percentDecoded(String target) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(target.length());
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                bytes.write(Character.digit(target.charAt(i + 1), 16) << 4 | Character.digit(target.charAt(i + 2), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }

    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    /**
     * A line without its CRLF; a bare CR or LF is refused. Null only at a clean end of stream before the first
     * byte of a request ({@code startOfRequest}); elsewhere the end of the stream is a truncated request.
     */
    private byte[] line(boolean startOfRequest) throws IOException, MalformedRequest {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            started |= b >= 0;
            if (b < 0) {
                if (startOfRequest && line.size() == 0) {
                    return null;
                }
                throw MalformedRequest.bad("The connection ended in the middle of the request head.");
            }
            if (--remaining < 0) {
                throw MalformedRequest.bad(tooLong);
            }
            if (b == '\r') {
                if (in.read() != '\n') {
                    throw MalformedRequest.bad("A line of the request head ends with a bare CR.");
                }
                return line.toByteArray();
            }
            if (b == '\n') {
                throw MalformedRequest.bad("A line of the request head ends with a bare LF instead of CRLF.");
            }
            line.write(b);
        }
    }

    boolean started() {
        return started;
    }

    static List<String> values(List<Map.Entry<String, String>> headers, String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
    }

    static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alnum = c < 0x80 && Character.isLetterOrDigit(c);
            if (!alnum && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] bytes) throws MalformedRequest {
        for (byte b : bytes) {
            if (b < 0x20 || b == 0x7f) { // bytes >= 0x80 are negative
                throw MalformedRequest.bad("The request line (or a chunk-size line) contains a byte outside visible ASCII.");
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}

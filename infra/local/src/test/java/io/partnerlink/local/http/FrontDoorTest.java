package io.partnerlink.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static io.partnerlink.local.http.RawHttp.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The front's wire handling over real sockets: each malformed request gets a JSON 400 (413 for a body over 10 MB)
 * with no Java class named, the connection is closed rather than held open, and the handler (which stands where
 * the function would be invoked) is never called. Well-formed requests reach it byte for byte.
 */
class FrontDoorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<WireRequest> handled = new CopyOnWriteArrayList<>();
    private FrontDoor door;

    @BeforeEach
    void open() throws IOException {
        door = new FrontDoor(InetAddress.getLoopbackAddress(), 0, Duration.ofSeconds(1), (request, ip, id) -> {
            handled.add(request);
            return HttpAnswer.json(200, "application/json", "{\"ok\":true}");
        });
        door.start();
    }

    @AfterEach
    void close() {
        door.close();
    }

    static Stream<Arguments> malformed() {
        String post = "POST /echo/x HTTP/1.1\r\nHost: local\r\n";
        return Stream.of(
                Arguments.of("a chunk size that is not hex", post + "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", 400),
                Arguments.of("a chunk longer than its size", post + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello world\r\n0\r\n\r\n", 400),
                Arguments.of("an endless chunk extension", post + "Transfer-Encoding: chunked\r\n\r\n1;" + "x".repeat(5000) + "\r\na\r\n0\r\n\r\n", 400),
                Arguments.of("a chunked body cut off", post + "Transfer-Encoding: chunked\r\n\r\n5\r\nhel", 400),
                Arguments.of("both Content-Length and chunked", post + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
                Arguments.of("a transfer coding other than chunked", post + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 400),
                Arguments.of("a bad % escape in the path", "GET /echo/%zz HTTP/1.1\r\nHost: local\r\n\r\n", 400),
                Arguments.of("a cut % escape in the query", "GET /echo/x?a=%4 HTTP/1.1\r\nHost: local\r\n\r\n", 400),
                Arguments.of("a raw non-ASCII byte in the path", "GET /echo/\u00e9 HTTP/1.1\r\nHost: local\r\n\r\n", 400),
                Arguments.of("a NUL in the path", "GET /echo/a\u0000b HTTP/1.1\r\nHost: local\r\n\r\n", 400),
                Arguments.of("an escape that is not UTF-8 in the path", "GET /echo/%FF%FE HTTP/1.1\r\nHost: local\r\n\r\n", 400),
                Arguments.of("an escape that is not UTF-8 in the query", "GET /echo/x?n=%C3 HTTP/1.1\r\nHost: local\r\n\r\n", 400),
                Arguments.of("a fragment in the target", "GET /echo/x#top HTTP/1.1\r\nHost: local\r\n\r\n", 400),
                Arguments.of("an absolute-form target", "GET http://local/echo/x HTTP/1.1\r\nHost: local\r\n\r\n", 400),
                Arguments.of("Content-Length: abc", post + "Content-Length: abc\r\n\r\n", 400),
                Arguments.of("a negative Content-Length", post + "Content-Length: -1\r\n\r\n", 400),
                Arguments.of("two different Content-Lengths", post + "Content-Length: 1\r\nContent-Length: 2\r\n\r\nab", 400),
                Arguments.of("a header of 1 MB", "GET /echo/x HTTP/1.1\r\nHost: local\r\nX-Big: " + "a".repeat(1 << 20) + "\r\n\r\n", 400),
                Arguments.of("values over 10,240 bytes in many headers", "GET /echo/x HTTP/1.1\r\nHost: local\r\n"
                        + "X-H: 0123456789\r\n".repeat(1100) + "\r\n", 400),
                Arguments.of("a flood of empty headers", "GET /echo/x HTTP/1.1\r\nHost: local\r\n" + "X:\r\n".repeat(30_000) + "\r\n", 400),
                Arguments.of("an obs-fold continuation line", "GET /echo/x HTTP/1.1\r\nHost: local\r\nIdempotency-Key: a\r\n b\r\n\r\n", 400),
                Arguments.of("a tab-led continuation line", "GET /echo/x HTTP/1.1\r\nHost: local\r\nIdempotency-Key: a\r\n\tb\r\n\r\n", 400),
                Arguments.of("a NUL in a header value", "GET /echo/x HTTP/1.1\r\nHost: local\r\nContent-Type: application/json\u0000\r\n\r\n", 400),
                Arguments.of("a vertical tab in a header value", "GET /echo/x HTTP/1.1\r\nHost: local\r\nContent-Type: application/json\u000b\r\n\r\n", 400),
                Arguments.of("invalid UTF-8 in a header value", "GET /echo/x HTTP/1.1\r\nHost: local\r\nX-A: \u00ff\u00fe\r\n\r\n", 400),
                Arguments.of("whitespace before a header's colon", "GET /echo/x HTTP/1.1\r\nHost : local\r\n\r\n", 400),
                Arguments.of("a header line without a colon", "GET /echo/x HTTP/1.1\r\nHost: local\r\nNoColon\r\n\r\n", 400),
                Arguments.of("a lower-case method", "get /echo/x HTTP/1.1\r\nHost: local\r\n\r\n", 400),
                Arguments.of("an unknown method", "PROPFIND /echo/x HTTP/1.1\r\nHost: local\r\n\r\n", 400),
                Arguments.of("two spaces in the request line", "GET  /echo/x HTTP/1.1\r\nHost: local\r\n\r\n", 400),
                Arguments.of("an unknown protocol version", "GET /echo/x HTTP/2.0\r\nHost: local\r\n\r\n", 400),
                Arguments.of("bare LF line ends", "GET /echo/x HTTP/1.1\nHost: local\n\n", 400),
                Arguments.of("no Host header", "GET /echo/x HTTP/1.1\r\n\r\n", 400),
                Arguments.of("two Host headers", "GET /echo/x HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
                Arguments.of("a body cut off before Content-Length", post + "Content-Length: 10\r\n\r\nabc", 400),
                Arguments.of("a Content-Length over 10 MB", post + "Content-Length: 10485761\r\n\r\n", 413),
                Arguments.of("a chunk over 10 MB", post + "Transfer-Encoding: chunked\r\n\r\nA00001\r\n", 413));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedRequestsGetAJsonAnswerAClosedConnectionAndNoInvocation(String what, String request, int status) throws Exception {
        try (RawHttp client = new RawHttp(door.port())) {
            client.send(ascii(request));
            RawHttp.Answer answer = client.answer();
            assertEquals(status, answer.status(), what);
            assertEquals("application/problem+json", answer.header("content-type"));
            assertEquals("close", answer.header("connection"));
            JsonNode problem = JSON.readTree(answer.body());
            assertEquals(status == 413 ? "Request Entity Too Large" : "Bad Request", problem.get("message").asText());
            assertEquals(answer.header("apigw-requestid"), problem.get("instance").asText());
            assertFalse(answer.text().matches("(?s).*(Exception|java\\.|\\.java).*"), "no Java class named: " + answer.text());
            assertTrue(client.closedByServer(), "the connection is closed, not held open");
        }
        assertEquals(List.of(), handled, "nothing was invoked");
    }

    @Test
    void aClientThatSendsAHugeHeaderToTheEndThenReadsGetsTheAnswerRatherThanAReset() throws Exception {
        // curl's way: it writes the whole request before it reads, and gives up if the write is reset
        byte[] huge = ascii("GET /echo/x HTTP/1.1\r\nHost: local\r\nX-Big: " + "a".repeat(4 << 20) + "\r\n\r\n");
        try (RawHttp client = new RawHttp(door.port())) {
            client.send(huge);
            RawHttp.Answer answer = client.answer();
            assertEquals(400, answer.status());
            assertEquals("Bad Request", JSON.readTree(answer.body()).get("message").asText());
            assertTrue(client.closedByServer());
        }
        assertEquals(List.of(), handled);
    }

    @Test
    void headerValuesArriveByteForByteWithTabsKeptAndNamesAsSent() throws Exception {
        try (RawHttp client = new RawHttp(door.port())) {
            client.send(ascii("POST /echo/x?q=%41 HTTP/1.1\r\nHost: local\r\nIdempotency-Key: \ta\tb \r\nX-Utf8: "
                    + new String("Jürgen".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
                    + "\r\nContent-Length: 3\r\n\r\nabc"));
            assertEquals(200, client.answer().status());
        }
        WireRequest request = handled.get(0);
        assertEquals("POST", request.method());
        assertEquals("/echo/x", request.rawPath());
        assertEquals("q=%41", request.rawQuery());
        assertEquals(List.of("a\tb"), RequestReader.values(request.headers(), "idempotency-key"), "inner tab kept, edges trimmed");
        assertEquals(List.of("Jürgen"), RequestReader.values(request.headers(), "x-utf8"));
        assertEquals("Idempotency-Key", request.headers().get(1).getKey());
        assertArrayEquals(ascii("abc"), request.body());
    }

    @Test
    void theLimitsAreApiGatewaysExactly() throws Exception {
        String line = "GET /echo/x HTTP/1.1";
        // request line + header values = 10,240 bytes: accepted; one byte more: refused
        String fits = line + "\r\nHost: h\r\nX-Fill: " + "a".repeat(10_240 - line.length() - 1) + "\r\n\r\n";
        String over = line + "\r\nHost: h\r\nX-Fill: " + "a".repeat(10_240 - line.length()) + "\r\n\r\n";
        try (RawHttp client = new RawHttp(door.port())) {
            assertEquals(200, client.send(ascii(fits)).answer().status());
            assertEquals(400, client.send(ascii(over)).answer().status());
        }
        // 300 small headers are within the documented limit (no count limit is documented): answered, not dropped
        try (RawHttp client = new RawHttp(door.port())) {
            assertEquals(200, client.send(ascii(line + "\r\nHost: h\r\n" + "X-N: 1\r\n".repeat(300) + "\r\n")).answer().status());
        }
        // a body of exactly 10 MiB, chunked, after 100-continue
        byte[] tenMiB = new byte[RequestReader.MAX_BODY];
        try (RawHttp client = new RawHttp(door.port())) {
            client.send(ascii("POST /echo/x HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(tenMiB.length) + "\r\n")).send(tenMiB).send(ascii("\r\n0\r\n\r\n"));
            assertEquals(200, client.answer().status());
        }
        assertEquals(3, handled.size());
        assertEquals(RequestReader.MAX_BODY, handled.get(2).body().length);
    }

    @Test
    void aConnectionCarriesRequestsUntilAMalformedOneEndsIt() throws Exception {
        try (RawHttp client = new RawHttp(door.port())) {
            client.send(ascii("GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\nGET /c%g HTTP/1.1\r\nHost: h\r\n\r\n"));
            RawHttp.Answer first = client.answer();
            assertEquals(200, first.status());
            assertEquals(null, first.header("connection"));
            assertNotNull(first.header("date"));
            assertEquals(200, client.answer().status());
            assertEquals(400, client.answer().status());
            assertTrue(client.closedByServer());
        }
        assertEquals(List.of("/a", "/b"), handled.stream().map(WireRequest::rawPath).toList());
    }

    @Test
    void answerHeaderNamesGoOutLowerCaseAndBrokenOnesAreDropped() throws Exception {
        door.close();
        door = new FrontDoor(InetAddress.getLoopbackAddress(), 0, Duration.ofSeconds(1), (request, ip, id) ->
                new HttpAnswer(201, List.of(Map.entry("Content-Type", "application/json"), Map.entry("X-Mixed-Case", "v"),
                        Map.entry("X-Split", "a\r\nSet-Cookie: injected=1")), new byte[0]));
        door.start();
        try (RawHttp client = new RawHttp(door.port())) {
            RawHttp.Answer answer = client.send(ascii("GET /a HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")).answer();
            assertEquals(201, answer.status());
            List<String> names = answer.headers().stream().map(Map.Entry::getKey).toList();
            assertTrue(names.contains("x-mixed-case") && names.contains("apigw-requestid") && names.contains("content-type"), names.toString());
            assertTrue(names.stream().allMatch(n -> n.equals(n.toLowerCase())), names.toString());
            assertFalse(names.contains("set-cookie") || names.contains("x-split"), "a header with CR LF is dropped, not split");
            assertTrue(client.closedByServer(), "Connection: close is honoured");
        }
    }
}

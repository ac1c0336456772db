package io.partnerlink.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerlink.local.template.HttpRoute;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiGatewayEventsTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ApiGatewayEvents events = new ApiGatewayEvents(json);

    @Test
    void theEventFollowsPayloadFormat2() throws Exception {
        IncomingRequest request = new IncomingRequest("POST", "/domains/x.art/renewals", "dry=true&tag=a&tag=b",
                List.of(Map.entry("Content-Type", "application/json"), Map.entry("X-Multi", "1"), Map.entry("x-MULTI", "2"),
                        Map.entry("Host", "127.0.0.1:3000")),
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "127.0.0.1", 3000);
        RouteTable.Match match = new RouteTable.Match(new HttpRoute("POST", "/domains/{domain}/renewals", "Renew"),
                Map.of("domain", "x.art"));
        Instant now = Instant.parse("2026-03-01T10:15:30Z");

        JsonNode event = json.readTree(events.event(request, match, "req-1", now));

        assertEquals("POST /domains/{domain}/renewals", event.get("routeKey").asText());
        assertEquals("1,2", event.at("/headers/x-multi").asText());
        event.get("headers").fieldNames().forEachRemaining(name -> assertEquals(name.toLowerCase(java.util.Locale.ROOT), name,
                "payload 2.0 header names are lower case"));
        assertEquals("application/json", event.at("/headers/content-type").asText());
        assertEquals("127.0.0.1", event.at("/headers/x-forwarded-for").asText());
        assertEquals("a,b", event.at("/queryStringParameters/tag").asText());
        assertEquals("x.art", event.at("/pathParameters/domain").asText());
        assertEquals("{\"a\":1}", event.get("body").asText());
        assertFalse(event.get("isBase64Encoded").asBoolean());
        assertEquals("req-1", event.at("/requestContext/requestId").asText());
        assertEquals("127.0.0.1:3000", event.at("/requestContext/domainName").asText());
        assertEquals("01/Mar/2026:10:15:30 +0000", event.at("/requestContext/time").asText());
        assertEquals(now.toEpochMilli(), event.at("/requestContext/timeEpoch").asLong());
        assertTrue(event.at("/cookies").isMissingNode());
    }

    @Test
    void aStatusCodeObjectBecomesTheHttpAnswer() {
        HttpAnswer answer = events.answer(("{\"statusCode\":409,\"headers\":{\"content-type\":\"application/problem+json\"},"
                + "\"multiValueHeaders\":{\"x-a\":[\"1\",\"2\"]},\"cookies\":[\"k=v\"],\"body\":\"{}\",\"isBase64Encoded\":false}")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(409, answer.status());
        assertEquals("application/problem+json", answer.header("content-type"));
        assertEquals(List.of("1", "2"), answer.headers().stream().filter(h -> h.getKey().equals("x-a")).map(Map.Entry::getValue).toList());
        assertEquals("k=v", answer.header("set-cookie"));
        assertEquals("{}", new String(answer.body(), StandardCharsets.UTF_8));
    }

    @Test
    void base64BodiesAreDecodedAndOtherResultsAre200Json() {
        HttpAnswer binary = events.answer("{\"statusCode\":200,\"body\":\"AAEC\",\"isBase64Encoded\":true}".getBytes(StandardCharsets.UTF_8));
        assertEquals(3, binary.body().length);
        HttpAnswer plain = events.answer("{\"synced\":3}".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, plain.status());
        assertEquals("application/json", plain.header("Content-Type"));
        assertEquals("{\"synced\":3}", new String(plain.body(), StandardCharsets.UTF_8));
    }

    @Test
    void onlyTheTextTypesApiGatewayPassesAsTextStayText() {
        for (String text : List.of("application/json; charset=utf-8", "text/plain", "text/csv", "application/xml",
                "application/javascript", "Application/JSON")) {
            assertTrue(ApiGatewayEvents.isText(text, "{}".getBytes(StandardCharsets.UTF_8)), text);
        }
        for (String binary : List.of("application/problem+json", "application/x-www-form-urlencoded",
                "application/octet-stream", "multipart/form-data; boundary=x", "image/png")) {
            assertFalse(ApiGatewayEvents.isText(binary, "{}".getBytes(StandardCharsets.UTF_8)), binary);
        }
        assertFalse(ApiGatewayEvents.isText(null, "plain".getBytes(StandardCharsets.UTF_8)), "no Content-Type: base64");
    }

    @Test
    void aTextTypeWithInvalidUtf8IsPassedBase64WithEveryByteKept() throws Exception {
        byte[] body = {'{', '"', 'n', '"', ':', '"', (byte) 0xff, (byte) 0xc3, '"', '}'};
        IncomingRequest request = new IncomingRequest("POST", "/x", null,
                List.of(Map.entry("Content-Type", "application/json")), body, "127.0.0.1", 3000);
        JsonNode event = json.readTree(events.event(request,
                new RouteTable.Match(new HttpRoute("POST", "/x", "F"), Map.of()), "req-1", Instant.now()));
        assertTrue(event.get("isBase64Encoded").asBoolean());
        assertArrayEquals(body, java.util.Base64.getDecoder().decode(event.get("body").asText()));
        assertFalse(event.toString().contains("\ufffd") || event.toString().contains("�"));
    }
}

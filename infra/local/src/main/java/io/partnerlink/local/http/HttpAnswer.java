package io.partnerlink.local.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** What the front server answers: a status, header lines (names may repeat) and the body bytes. */
public record HttpAnswer(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    public static HttpAnswer json(int status, String contentType, String body) {
        return new HttpAnswer(status, List.of(Map.entry("Content-Type", contentType)), body.getBytes(StandardCharsets.UTF_8));
    }

    public String header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }
}

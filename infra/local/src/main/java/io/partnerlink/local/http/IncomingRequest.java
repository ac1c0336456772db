package io.partnerlink.local.http;

import java.util.List;
import java.util.Map;

/** An HTTP request as the front server received it (header names as sent, repeated names as separate entries). */
public record IncomingRequest(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
                              byte[] body, String sourceIp, int port) {
}

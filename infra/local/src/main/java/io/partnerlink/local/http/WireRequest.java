package io.partnerlink.local.http;

import java.util.List;
import java.util.Map;

/**
 * One request as it came off the wire, already checked by {@link RequestReader}: the method exactly as sent, the
 * raw path and query (percent escapes checked, not decoded), header lines with names as sent and values byte for
 * byte (no folding, no trimming inside), the de-chunked body, and whether the connection may carry another request.
 */
public record WireRequest(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
                          byte[] body, boolean keepAlive) {
}

package io.partnerlink.bench.host;

/**
 * Loaded right after the first response: in a {@code -Xlog:class+load} log, the classes listed before this one are
 * the classes loaded up to the first response.
 */
final class ResponseMarker {

    private ResponseMarker() {
    }

    static void reached() {
        // loading this class is the marker
    }
}

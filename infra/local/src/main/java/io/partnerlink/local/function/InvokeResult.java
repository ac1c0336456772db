package io.partnerlink.local.function;

/**
 * How one invocation ended: {@code OK} with the handler's raw output, {@code ERROR} (the handler threw; {@code detail}
 * is the exception type, the stack trace is in the log), {@code TIMEOUT}, or {@code UNAVAILABLE} (no host could
 * be started; {@code detail} says why).
 */
public record InvokeResult(Kind kind, byte[] output, String detail, long millis) {

    public enum Kind { OK, ERROR, TIMEOUT, UNAVAILABLE }

    static InvokeResult ok(byte[] output, long millis) {
        return new InvokeResult(Kind.OK, output, "", millis);
    }

    static InvokeResult error(String type, long millis) {
        return new InvokeResult(Kind.ERROR, new byte[0], type, millis);
    }

    static InvokeResult timeout(int seconds) {
        return new InvokeResult(Kind.TIMEOUT, new byte[0], "timed out after " + seconds + " s", seconds * 1000L);
    }

    static InvokeResult unavailable(String why) {
        return new InvokeResult(Kind.UNAVAILABLE, new byte[0], why, 0);
    }
}

package io.partnerlink.local.http;

/**
 * A request the front refuses before any function sees it: {@code status} 400 (or 413 for a body over the payload
 * limit), {@code detail} says what was wrong in words, never naming a Java class. The connection is closed after
 * the answer, since what follows the bad part cannot be framed.
 */
public final class MalformedRequest extends Exception {

    private final int status;

    MalformedRequest(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    static MalformedRequest bad(String detail) {
        return new MalformedRequest(400, detail);
    }

    public int status() {
        return status;
    }
}

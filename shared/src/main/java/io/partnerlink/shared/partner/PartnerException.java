package io.partnerlink.shared.partner;

/**
 * A partner call that did not succeed. Messages name the partner, the operation and the status; they never
 * carry credentials, tokens or request bodies.
 */
public abstract class PartnerException extends RuntimeException {

    private final String partner;
    private final int status;

    protected PartnerException(String partner, int status, String message, Throwable cause) {
        super(message, cause, false, true);
        this.partner = partner;
        this.status = status;
    }

    public String partner() {
        return partner;
    }

    /** The partner's HTTP status, or 0 when no answer arrived. */
    public int status() {
        return status;
    }
}

package io.partnerlink.renewal;

/** A domain that cannot be renewed as things stand (no usable contact, for example); the run goes on. */
public class RenewalFailure extends RuntimeException {

    public RenewalFailure(String message) {
        super(message, null, false, false);
    }
}

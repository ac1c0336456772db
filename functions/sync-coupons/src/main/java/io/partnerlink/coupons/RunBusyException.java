package io.partnerlink.coupons;

/** Another invocation holds the run of this scope (its lease has not run out, or it wrote the checkpoint first). */
class RunBusyException extends RuntimeException {

    RunBusyException(String scope) {
        super("another invocation is working on the '" + scope + "' run", null, false, false);
    }
}

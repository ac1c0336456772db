package io.partnerlink.shared.priming;

/**
 * Warm-up work run once before a SnapStart snapshot, so the restored function starts with its classes loaded
 * and its code paths compiled. A step must have no side effect at any partner or table: read, build and
 * serialize, never write or call a partner.
 */
@FunctionalInterface
public interface PrimingStep {

    void prime() throws Exception;
}

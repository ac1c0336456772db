package io.partnerlink.shared.api;

import io.partnerlink.shared.idempotency.IdempotencyKeyMissingException;
import io.partnerlink.shared.idempotency.IdempotencyKeyReusedException;
import io.partnerlink.shared.idempotency.IdempotencyRequestInProgressException;
import io.partnerlink.shared.idempotency.IdempotencyStoreUnavailableException;
import io.partnerlink.shared.partner.PartnerRejectedException;
import io.partnerlink.shared.partner.PartnerUnavailableException;
import io.partnerlink.shared.problem.ProblemException;
import io.partnerlink.shared.problem.ProblemType;
import io.partnerlink.shared.secrets.SecretUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The one place that turns a failure into the problem the caller sees (docs/design.md §Errors). Details are
 * written here, not taken from exception messages, so nothing internal reaches a response.
 */
public final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    public static ProblemException from(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return problem;
        }
        if (failure instanceof IdempotencyKeyMissingException) {
            return new ProblemException(ProblemType.IDEMPOTENCY_KEY_REQUIRED, "Send one Idempotency-Key header of 1 to 255 printable ASCII characters, without a comma.");
        }
        if (failure instanceof IdempotencyKeyReusedException) {
            return new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was already used with a different request body.");
        }
        if (failure instanceof IdempotencyRequestInProgressException inProgress) {
            return new ProblemException(ProblemType.REQUEST_IN_PROGRESS, "The first request with this key is still running; retry later.",
                    List.of(), inProgress.retryAfter());
        }
        if (failure instanceof IdempotencyStoreUnavailableException) {
            LOG.error("Idempotency store unavailable: {}", failure.getMessage());
            return new ProblemException(ProblemType.STORE_UNAVAILABLE, "Nothing was done. Retry later with the same key.");
        }
        if (failure instanceof SecretUnavailableException secret) {
            LOG.error("Partner credentials unavailable: {}", secret.getMessage());
            return new ProblemException(ProblemType.SECRETS_UNAVAILABLE, "Nothing was sent to the partner. Retry later.");
        }
        if (failure instanceof PartnerUnavailableException unavailable) {
            LOG.warn("Partner unavailable: {}", unavailable.getMessage());
            return new ProblemException(ProblemType.UPSTREAM_UNAVAILABLE, "The partner did not answer in time. Retry later with the same key.",
                    List.of(), unavailable.retryAfter());
        }
        if (failure instanceof PartnerRejectedException rejected) {
            LOG.error("Partner rejected the call: {}", rejected.getMessage());
            return new ProblemException(ProblemType.UPSTREAM_REJECTED, "The partner refused the request.");
        }
        LOG.error("Unexpected failure", failure);
        return new ProblemException(ProblemType.INTERNAL_ERROR, "An unexpected error occurred. Quote the request id when reporting it.");
    }
}

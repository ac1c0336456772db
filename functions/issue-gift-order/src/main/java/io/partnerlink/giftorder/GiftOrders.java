package io.partnerlink.giftorder;

import io.micronaut.context.annotation.Value;
import io.partnerlink.shared.api.ApiRequest;
import io.partnerlink.shared.api.ApiResponse;
import io.partnerlink.shared.api.IdempotentResponses;
import io.partnerlink.shared.api.JsonBodies;
import io.partnerlink.shared.idempotency.IdempotencyKeyMissingException;
import io.partnerlink.shared.idempotency.IdempotencyKeys;
import io.partnerlink.shared.partner.Deadline;
import io.partnerlink.shared.problem.FieldError;
import io.partnerlink.shared.problem.ProblemException;
import io.partnerlink.shared.problem.ProblemType;
import io.partnerlink.shared.vektor.VektorClient;
import io.partnerlink.shared.vektor.VektorOrder;
import io.partnerlink.shared.vektor.VektorOrderPlacement;
import io.partnerlink.shared.vektor.VektorRejectedException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /gift-orders}: validate, claim the idempotency key, price the lines from the catalogue, place one
 * vektor-adv order under an {@code orderId} derived from the key, and answer 201. The key is the caller's own
 * ({@link ApiRequest#ownedKey}): two callers sending the same {@code Idempotency-Key} get two records and two orderIds. Deterministic refusals (unknown
 * certificate, price changed, the partner's 400) are answered and stored; failures that may pass are thrown, so the
 * key is released and the caller can retry with it.
 */
@Singleton
public class GiftOrders {

    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    private static final Logger LOG = LoggerFactory.getLogger(GiftOrders.class);

    private final JsonBodies bodies;
    private final IdempotentResponses responses;
    private final GiftCatalogue catalogue;
    private final VektorClient vektor;
    private final RequestDeadlines deadlines;
    private final String scope;

    public GiftOrders(JsonBodies bodies, IdempotentResponses responses, GiftCatalogue catalogue, VektorClient vektor,
                      RequestDeadlines deadlines, @Value("${idempotency.scope}") String scope) {
        this.bodies = bodies;
        this.responses = responses;
        this.catalogue = catalogue;
        this.vektor = vektor;
        this.deadlines = deadlines;
        this.scope = scope;
    }

    ApiResponse place(ApiRequest request) {
        String key = request.header(IDEMPOTENCY_KEY_HEADER);
        if (!IdempotencyKeys.isValidClientKey(key)) {
            throw new IdempotencyKeyMissingException("Idempotency-Key missing or not 1 to 255 printable ASCII characters");
        }
        // Everything about the input is checked before the key is claimed: bad input leaves no record behind.
        GiftOrderRequest order = bodies.read(request, GiftOrderRequest.class);
        rejectRepeatedCertificates(order);
        String owned = request.ownedKey(key);
        // The hash covers the parsed request, so whitespace or field order alone do not make a "different" body.
        String payload = bodies.write(order);
        return responses.run(request, owned, payload, () -> placeOnce(request, orderId(owned, payload), order));
    }

    /**
     * The order id of a key and a request body: the same on every retry of that request, so the partner can
     * recognise a repeat; never the same for another body, even under a key whose record has expired (24 h) and is
     * used again, so a partner's "already exists" can only ever be our own earlier attempt at this very order.
     */
    UUID orderId(String key, String payload) {
        return UUID.nameUUIDFromBytes((scope + "#" + key + "#" + IdempotencyKeys.sha256(payload)).getBytes(StandardCharsets.UTF_8));
    }

    private ApiResponse placeOnce(ApiRequest request, UUID orderId, GiftOrderRequest order) {
        Deadline deadline = deadlines.of(request);
        GiftCatalogue.Snapshot prices = catalogue.current(deadline);
        GiftOrderPricing pricing = GiftOrderPricing.of(order, prices);
        if (!pricing.settled()) {
            // A cached catalogue may be stale: decide a refusal on a fresh one only.
            pricing = GiftOrderPricing.of(order, catalogue.newerThan(prices, deadline));
        }
        if (!pricing.unknown().isEmpty()) {
            return answer(request, new ProblemException(GiftOrderProblems.NOT_IN_CATALOGUE,
                    "The order names certificates that vektor-adv does not sell. Nothing was ordered.", pricing.unknown()));
        }
        if (!pricing.matchesExpectedTotal()) {
            return answer(request, new ProblemException(GiftOrderProblems.PRICE_CHANGED,
                    "The order would cost " + pricing.total().toPlainString() + ", not the expected total. Nothing was ordered.",
                    List.of(new FieldError("expectedTotal", "the current total is " + pricing.total().toPlainString()))));
        }
        VektorOrder partnerOrder = pricing.toPartnerOrder(orderId);
        VektorOrderPlacement placement;
        try {
            placement = vektor.placeOrder(partnerOrder, deadline);
        } catch (VektorRejectedException rejected) {
            if (!rejected.isValidationFailure()) {
                throw rejected; // not about this request's content (403, 404...): released, answered 502
            }
            LOG.warn("vektor refused order {}: {} field error(s)", orderId, rejected.fieldErrors().size());
            return answer(request, new ProblemException(ProblemType.PARTNER_VALIDATION_FAILED,
                    "vektor-adv refused the order. Nothing was ordered.", partnerErrors(rejected)));
        }
        LOG.info("Placed gift order {} ({} line(s), total {}){}", orderId, partnerOrder.certificates().size(),
                pricing.total().toPlainString(), placement.alreadyExisted() ? " - the partner already had it" : "");
        return bodies.json(201, pricing.toAnswer(orderId, order.reference(), placement.answer()));
    }

    private ApiResponse answer(ApiRequest request, ProblemException problem) {
        return bodies.problem(problem, request.requestId());
    }

    private static List<FieldError> partnerErrors(VektorRejectedException rejected) {
        if (!rejected.fieldErrors().isEmpty()) {
            return rejected.fieldErrors();
        }
        String message = rejected.partnerMessage() == null ? "was refused by the partner" : rejected.partnerMessage();
        return List.of(new FieldError("body", message));
    }

    /** Two lines for one certificate are most likely a client bug; the quantity is what the caller should send. */
    private static void rejectRepeatedCertificates(GiftOrderRequest order) {
        Map<String, Integer> seen = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < order.certificates().size(); i++) {
            String id = order.certificates().get(i).id().toLowerCase(Locale.ROOT);
            Integer first = seen.putIfAbsent(id, i);
            if (first != null) {
                errors.add(new FieldError("certificates[" + i + "].id", "repeats certificates[" + first + "].id; send one line with the total quantity"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The request body is not valid.", errors);
        }
    }
}

package io.partnerlink.shared.vektor;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.serde.ObjectMapper;
import io.partnerlink.shared.partner.Deadline;
import io.partnerlink.shared.partner.PartnerCalls;
import io.partnerlink.shared.partner.PartnerRejectedException;
import io.partnerlink.shared.partner.PartnerUnavailableException;
import io.partnerlink.shared.partner.RetryPolicy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The vektor-adv gift certificate API as the functions use it: a bearer token on every call (a 401 gets one new
 * token and one more try), 5xx, 429, timeouts and resets retried within the {@link Deadline}, and refusals as
 * {@link VektorRejectedException} carrying the partner's field errors under our names.
 */
@Singleton
public class VektorClient {

    public static final String PARTNER = "vektor";
    private static final Logger LOG = LoggerFactory.getLogger(VektorClient.class);
    private static final int MAX_LOGGED_BODY = 2048;

    private final VektorApi api;
    private final VektorTokens tokens;
    private final RetryPolicy retry;
    private final ObjectMapper json;

    public VektorClient(VektorApi api, VektorTokens tokens, RetryPolicy retry, ObjectMapper json) {
        this.api = api;
        this.tokens = tokens;
        this.retry = retry;
        this.json = json;
    }

    /** {@code GET /api/certificates}: the whole catalogue (the API has no paging or filters). */
    public List<VektorCertificate> certificates(Deadline deadline) {
        HttpResponse<List<VektorCertificate>> response = retry.call("vektor certificates", deadline,
                () -> authorized("certificates", api::certificates, VektorClient::rejected));
        return response.getBody().orElseThrow(() -> new PartnerUnavailableException(PARTNER, response.code(),
                "vektor certificates answered without a body", null, null));
    }

    /**
     * {@code POST /api/orders}, retried with the same {@code orderId} until it succeeds, the partner refuses it
     * or the deadline comes.
     *
     * @throws VektorRejectedException when the partner refuses the order (its 400 and other 4xx)
     * @throws PartnerUnavailableException   when no answer came within the deadline
     */
    public VektorOrderPlacement placeOrder(VektorOrder order, Deadline deadline) {
        try {
            HttpResponse<String> response = retry.call("vektor order", deadline,
                    () -> authorized("order", bearer -> api.createOrder(bearer, order), VektorClient::orderRejected));
            // The success body is undocumented (docs/partners/vektor.md Q2); at debug level: it may hold codes.
            LOG.info("vektor accepted order {} with HTTP {}", order.orderId(), response.code());
            String body = response.getBody().orElse("");
            LOG.debug("vektor order {} answer: {}", order.orderId(), truncate(body));
            return new VektorOrderPlacement(order.orderId(), false, VektorAnswer.of(response.code(), body, json));
        } catch (VektorRejectedException e) {
            if (e.orderExists()) {
                LOG.warn("vektor says order {} already exists (HTTP {}); treating it as placed by an earlier attempt",
                        order.orderId(), e.status());
                // The refusal's body is read into its message; that message is what is kept of it.
                return new VektorOrderPlacement(order.orderId(), true, VektorAnswer.of(e.status(), e.partnerMessage(), json));
            }
            throw e;
        }
    }

    private <B> HttpResponse<B> authorized(String operation, Function<String, HttpResponse<B>> call,
                             Function<HttpClientResponseException, PartnerRejectedException> rejection) {
        AtomicReference<String> used = new AtomicReference<>();
        return PartnerCalls.refreshingOnce(() -> {
            String token = tokens.token();
            used.set(token);
            return PartnerCalls.send(PARTNER, operation, () -> successful(call.apply("Bearer " + token)), rejection);
        }, () -> tokens.invalidate(used.get()));
    }

    /**
     * The declarative client hands a 404 back as a response instead of throwing; this makes every status of 300
     * and above the exception {@link PartnerCalls} maps, so a wrong URL is never read as an empty catalogue.
     */
    static <B> HttpResponse<B> successful(HttpResponse<B> response) {
        if (response == null) {
            throw new PartnerUnavailableException(PARTNER, 0, "vektor gave no response", null, null);
        }
        if (response.code() >= 300) {
            throw new HttpClientResponseException("vektor answered HTTP " + response.code(), response);
        }
        return response;
    }

    private static PartnerRejectedException rejected(HttpClientResponseException e) {
        return VektorRejectedException.from(e.getStatus().getCode(), readErrors(e), false);
    }

    private static PartnerRejectedException orderRejected(HttpClientResponseException e) {
        VektorValidationErrors errors = readErrors(e);
        // A 409 to a create with a client-chosen id can only mean that id exists (the seed documents no 409).
        boolean exists = e.getStatus().getCode() == 409 || errors.saysOrderExists();
        return VektorRejectedException.from(e.getStatus().getCode(), errors, exists);
    }

    private static VektorValidationErrors readErrors(HttpClientResponseException e) {
        try {
            return e.getResponse().getBody(VektorValidationErrors.class).orElse(new VektorValidationErrors(null, null, null));
        } catch (RuntimeException unreadable) {
            return new VektorValidationErrors(null, null, null);
        }
    }

    private static String truncate(String body) {
        return body.length() <= MAX_LOGGED_BODY ? body : body.substring(0, MAX_LOGGED_BODY) + "...";
    }
}

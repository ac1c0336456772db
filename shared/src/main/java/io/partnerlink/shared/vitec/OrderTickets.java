package io.partnerlink.shared.vitec;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.partnerlink.shared.partner.Deadline;
import io.partnerlink.shared.partner.PartnerCalls;
import io.partnerlink.shared.partner.PartnerRejectedException;
import io.partnerlink.shared.partner.PartnerUnauthorizedException;
import io.partnerlink.shared.partner.PartnerUnavailableException;
import io.partnerlink.shared.partner.RetryPolicy;
import io.partnerlink.shared.secrets.BasicCredentials;
import io.partnerlink.shared.secrets.PartnerSecrets;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Redeems Vitec order tokens: Basic credentials from Secrets Manager ({@code vitec.secret-id}), one re-read of
 * the secret and one more try after a 401, retries of 5xx and timeouts while the deadline allows a whole attempt.
 * Outcomes are typed: {@link VitecBadRequestException} (400), {@link PartnerUnauthorizedException} (401),
 * {@link VitecForbiddenException} (403), {@link PartnerUnavailableException} (5xx, timeout), and
 * {@link PartnerRejectedException} for any other refusal. The token never leaves this class but in the request body.
 */
@Singleton
public class OrderTickets {

    public static final String PARTNER = "vitec";
    private static final String OPERATION = "order ticket";

    private final VitecApi api;
    private final PartnerSecrets secrets;
    private final RetryPolicy retry;
    private final VitecErrors errors;
    private final String secretId;

    public OrderTickets(VitecApi api, PartnerSecrets secrets, RetryPolicy retry, VitecErrors errors,
                        @Value("${vitec.secret-id}") String secretId) {
        this.api = api;
        this.secrets = secrets;
        this.retry = retry;
        this.errors = errors;
        this.secretId = secretId;
    }

    /**
     * The ticket behind {@code token}, asked for under {@code customerId}. {@link RetryPolicy} starts a retry only
     * when it can run into the read timeout and still end before {@code deadline}.
     */
    public OrderTicket redeem(String customerId, String token, Deadline deadline) {
        return retry.call(PARTNER + " " + OPERATION, deadline, () ->
                PartnerCalls.refreshingOnce(() -> once(customerId, token), () -> secrets.refresh(secretId)));
    }

    private OrderTicket once(String customerId, String token) {
        String authorization = secrets.read(secretId, BasicCredentials.class).authorizationHeader();
        OrderTicket ticket = PartnerCalls.send(PARTNER, OPERATION,
                () -> api.orderTicket(customerId, new OrderToken(token), authorization),
                e -> rejection(e, customerId, token));
        if (ticket == null) {
            // Micronaut's declarative client answers a 404 with null instead of an exception.
            throw new PartnerRejectedException(PARTNER, 404, null, List.of());
        }
        return ticket;
    }

    private PartnerRejectedException rejection(HttpClientResponseException e, String customerId, String token) {
        return switch (e.getStatus().getCode()) {
            case 400 -> new VitecBadRequestException(errors.message(e, token));
            case 403 -> new VitecForbiddenException(customerId);
            default -> new PartnerRejectedException(PARTNER, e.getStatus().getCode(), null, List.of());
        };
    }
}

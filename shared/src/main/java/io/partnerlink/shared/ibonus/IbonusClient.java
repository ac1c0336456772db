package io.partnerlink.shared.ibonus;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.partnerlink.shared.partner.Deadline;
import io.partnerlink.shared.partner.PartnerCalls;
import io.partnerlink.shared.partner.PartnerRejectedException;
import io.partnerlink.shared.partner.RetryPolicy;
import io.partnerlink.shared.problem.FieldError;
import io.partnerlink.shared.problem.ProblemException;
import io.partnerlink.shared.problem.ProblemType;
import io.partnerlink.shared.secrets.BasicCredentials;
import io.partnerlink.shared.secrets.PartnerSecrets;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The i-bonus.me loyalty API for our functions: Basic auth from the secret {@code ibonus.secret-id} on every call
 * (re-read once after a 401), 429/5xx/timeouts retried with backoff until the {@link Deadline}, answers decoded and
 * checked against the seed. Throws {@code PartnerUnauthorizedException} (401 twice), {@code PartnerUnavailableException}
 * (retries exhausted), {@link PartnerRejectedException} (other 4xx) or {@link IbonusMalformedAnswerException}.
 */
@Singleton
public class IbonusClient {

    public static final String PARTNER = "ibonus";
    private static final int MAX_PARTNER_MESSAGE = 200;

    private final IbonusApi api;
    private final PartnerSecrets secrets;
    private final RetryPolicy retry;
    private final ObjectMapper json;
    private final Validator validator;
    private final String secretId;

    public IbonusClient(IbonusApi api, PartnerSecrets secrets, RetryPolicy retry, ObjectMapper json, Validator validator,
                        @Value("${ibonus.secret-id}") String secretId) {
        this.api = api;
        this.secrets = secrets;
        this.retry = retry;
        this.json = json;
        this.validator = validator;
        this.secretId = secretId;
    }

    /**
     * One page of clients. No total is returned and the seed names no maximum for {@code limit}, so a page may be
     * shorter than asked without being the last: callers advance by what arrived and stop at an empty page.
     */
    public List<LoyaltyClient> clients(ClientQuery query, Deadline deadline) {
        String operation = "list clients";
        String body = call(operation, deadline,
                auth -> api.clients(auth, query.phone(), query.email(), query.offset(), query.limit()));
        return checked(operation, decodeList(operation, body, LoyaltyClient.class),
                c -> c.id() == null ? "a client has no id" : null, null);
    }

    /** Every coupon of a client (the list is not paged). */
    public List<Coupon> coupons(long clientId, Deadline deadline) {
        String operation = "list coupons";
        String body = call(operation, deadline, auth -> api.coupons(auth, clientId));
        return checked(operation, decodeList(operation, body, Coupon.class), c -> c.id() == null ? "a coupon has no id"
                : c.expireDate() == null ? "coupon " + c.id() + " has no expireDate" : null, c -> "coupon " + c.id());
    }

    /** A client's balance, one entry per currency. */
    public List<Balance> balance(long clientId, Deadline deadline) {
        String operation = "get balance";
        String body = call(operation, deadline, auth -> api.balance(auth, clientId));
        return checked(operation, decodeList(operation, body, Balance.class),
                b -> b.currency() == null || b.currency().isBlank() || b.amount() == null ? "a balance lacks its amount or currency" : null,
                b -> "currency " + b.currency());
    }

    /**
     * The seed's required fields are there, and (when {@code key} is given) no entry is listed twice; otherwise the
     * answer is malformed, for the whole list: a partial list would read as removals.
     */
    private static <T> List<T> checked(String operation, List<T> items, Function<T, String> problem, Function<T, String> key) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            String wrong = item == null ? "an element is null" : problem.apply(item);
            if (wrong == null && key != null && !seen.add(key.apply(item))) {
                wrong = key.apply(item) + " is listed twice";
            }
            if (wrong != null) {
                throw new IbonusMalformedAnswerException(operation, 200, wrong);
            }
        }
        return items;
    }

    /**
     * Creates a fiscal order (a receipt), redeeming the listed coupons. Retried on 429/5xx/timeouts with the same
     * {@code externalId}, the only key i-bonus can recognise a repeat by (the seed does not promise it does).
     *
     * @throws ProblemException validation-failed when the request breaks its constraints (nothing is sent)
     */
    public void createOrder(FiscalOrderRequest request, Deadline deadline) {
        List<FieldError> errors = validator.validate(request).stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The fiscal order is not valid.", errors);
        }
        call("create order", deadline, auth -> api.createOrder(auth, request));
    }

    private String call(String operation, Deadline deadline, Function<String, HttpResponse<String>> exchange) {
        return retry.call(PARTNER + " " + operation, deadline, () -> PartnerCalls.refreshingOnce(
                () -> PartnerCalls.send(PARTNER, operation, () -> body(exchange.apply(authorization())), this::rejection),
                () -> secrets.refresh(secretId)));
    }

    private String authorization() {
        return secrets.read(secretId, BasicCredentials.class).authorizationHeader();
    }

    private PartnerRejectedException rejection(HttpClientResponseException e) {
        String message;
        try {
            message = e.getResponse().getBody(IbonusError.class).map(IbonusError::message).orElse(null);
        } catch (RuntimeException notTheDocumentedBody) {
            message = null; // a proxy's HTML page, say: the status alone tells what happened
        }
        if (message != null && message.length() > MAX_PARTNER_MESSAGE) {
            message = message.substring(0, MAX_PARTNER_MESSAGE);
        }
        return new PartnerRejectedException(PARTNER, e.getStatus().getCode(), message, List.of());
    }

    private static String body(HttpResponse<String> response) {
        if (response.getStatus().getCode() >= 300) {
            // The declarative client hands a 404 back instead of throwing; PartnerCalls maps it like any 4xx.
            throw new HttpClientResponseException(response.getStatus().getReason(), response);
        }
        return response.getBody().orElse(null);
    }

    /**
     * The answer as a list, decoded straight from the text so decimals stay exact; when that fails, the JSON tree
     * is inspected only to say what is wrong (not JSON, not an array, which element, which field).
     */
    private <T> List<T> decodeList(String operation, String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new IbonusMalformedAnswerException(operation, 200, "the answer is empty");
        }
        try {
            List<T> list = json.readValue(body, Argument.listOf(type));
            if (list != null) {
                return list;
            }
        } catch (IOException | RuntimeException e) {
            throw new IbonusMalformedAnswerException(operation, 200, diagnose(body, e));
        }
        throw new IbonusMalformedAnswerException(operation, 200, "the answer is not a JSON array");
    }

    private String diagnose(String body, Exception failure) {
        JsonNode tree;
        try {
            tree = json.readValue(body, Argument.of(JsonNode.class));
        } catch (IOException | RuntimeException e) {
            return "the answer is not JSON";
        }
        if (tree == null || !tree.isArray()) {
            return "the answer is not a JSON array";
        }
        int index = 0;
        for (JsonNode element : tree.values()) {
            if (!element.isObject()) {
                return "element " + index + " is not an object";
            }
            JsonNode date = element.get("expireDate");
            if (date != null && !date.isNull() && !(date.isNumber() && isWhole(date.getNumberValue()))) {
                JsonNode id = element.get("id");
                String which = id != null && id.isNumber() ? "coupon " + id.getNumberValue() : "element " + index;
                return which + ": expireDate is not epoch milliseconds";
            }
            index++;
        }
        return DecodingProblems.describe(failure);
    }

    private static boolean isWhole(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof java.math.BigInteger;
    }
}

package io.partnerlink.renewal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.partnerlink.shared.api.ApiRequest;
import io.partnerlink.shared.api.JsonBodies;
import io.partnerlink.shared.problem.ProblemException;

import java.math.BigDecimal;

/**
 * The optional body of {@code POST /domains/{domain}/renewals}: {@code {"period": 12, "dryRun": true}}, both
 * optional, nothing else. The fields are read as JSON trees first because a number type would quietly accept
 * {@code 12.5} or {@code "12"}; the period must be a whole, positive JSON number.
 */
public record RenewalRequest(@Nullable Integer period, boolean dryRun) {

    static final int MAX_PERIOD = 1200;
    static final RenewalRequest DEFAULT = new RenewalRequest(null, false);

    @Serdeable
    @Introspected
    @JsonIgnoreProperties(ignoreUnknown = false)
    record Body(@Nullable JsonNode period, @Nullable JsonNode dryRun) {
    }

    /** No body at all means the defaults; a body must be valid JSON of the shape above. */
    public static RenewalRequest from(ApiRequest request, JsonBodies bodies) {
        if (request.body().length == 0) {
            return DEFAULT;
        }
        Body body = bodies.read(request, Body.class);
        return new RenewalRequest(period(body.period()), dryRun(body.dryRun()));
    }

    private static Integer period(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw ProblemException.invalidField("period", "must be a whole number of months");
        }
        BigDecimal value = node.getBigDecimalValue();
        if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0) {
            throw ProblemException.invalidField("period", "must be a positive whole number of months");
        }
        if (value.compareTo(BigDecimal.valueOf(MAX_PERIOD)) > 0) {
            throw ProblemException.invalidField("period", "must be at most " + MAX_PERIOD + " months");
        }
        return value.intValueExact();
    }

    private static boolean dryRun(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw ProblemException.invalidField("dryRun", "must be true or false");
        }
        return node.getBooleanValue();
    }
}

package io.partnerlink.shared.vektor;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.partnerlink.shared.problem.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The partner's 400 body, ASP.NET model-validation style:
 * {@code {"message":"Invalid request","status":400,"errors":{"Customer.Email":["The Email field is required."]}}}.
 */
@Serdeable
public record VektorValidationErrors(@Nullable String message, @Nullable Integer status,
                                     @Nullable Map<String, List<String>> errors) {

    /** The errors under our field names ({@code Customer.Email} → {@code customer.email}), one per message. */
    public List<FieldError> fieldErrors() {
        List<FieldError> mapped = new ArrayList<>();
        if (errors != null) {
            errors.forEach((path, messages) -> {
                String field = fieldName(path);
                if (messages == null || messages.isEmpty()) {
                    mapped.add(new FieldError(field, "was rejected by the partner"));
                } else {
                    messages.forEach(m -> mapped.add(new FieldError(field, m)));
                }
            });
        }
        return mapped;
    }

    /**
     * Whether the only complaint is that an order with our {@code orderId} exists. The seed does not document a
     * repeated id; this reading covers an ASP.NET-style answer such as {@code {"OrderId":["... already exists"]}}.
     */
    public boolean saysOrderExists() {
        return errors != null && !errors.isEmpty() && errors.entrySet().stream().allMatch(e ->
                fieldName(e.getKey()).equals("orderId") && e.getValue() != null
                        && e.getValue().stream().anyMatch(m -> m != null && m.toLowerCase(Locale.ROOT).contains("exist")));
    }

    /** {@code Customer.Email} → {@code customer.email}, {@code Certificates[0].Quantity} → {@code certificates[0].quantity}. */
    static String fieldName(String partnerPath) {
        if (partnerPath == null || partnerPath.isBlank() || partnerPath.equals("$")) {
            return "body";
        }
        String path = partnerPath.startsWith("$.") ? partnerPath.substring(2) : partnerPath;
        StringBuilder out = new StringBuilder(path.length());
        boolean segmentStart = true;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            out.append(segmentStart ? Character.toLowerCase(c) : c);
            segmentStart = c == '.';
        }
        return out.toString();
    }
}

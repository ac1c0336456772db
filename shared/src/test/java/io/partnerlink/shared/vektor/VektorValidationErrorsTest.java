package io.partnerlink.shared.vektor;

import io.partnerlink.shared.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VektorValidationErrorsTest {

    @Test
    void partnerPathsBecomeOurFieldNames() {
        assertEquals("customer.email", VektorValidationErrors.fieldName("Customer.Email"));
        assertEquals("certificates[0].quantity", VektorValidationErrors.fieldName("Certificates[0].Quantity"));
        assertEquals("orderId", VektorValidationErrors.fieldName("OrderId"));
        assertEquals("customer.phone", VektorValidationErrors.fieldName("$.customer.phone"));
        assertEquals("body", VektorValidationErrors.fieldName(""));
        assertEquals("body", VektorValidationErrors.fieldName("$"));
    }

    @Test
    void everyMessageIsAFieldError() {
        VektorValidationErrors errors = new VektorValidationErrors("Invalid request", 400, Map.of(
                "Customer.Email", List.of("The Email field is required.", "The Email field is not valid.")));
        assertEquals(List.of(new FieldError("customer.email", "The Email field is required."),
                new FieldError("customer.email", "The Email field is not valid.")), errors.fieldErrors());
    }

    @Test
    void onlyAnOrderIdThatExistsReadsAsAnExistingOrder() {
        assertTrue(new VektorValidationErrors(null, 400, Map.of("OrderId", List.of("Order already exists."))).saysOrderExists());
        assertFalse(new VektorValidationErrors(null, 400, Map.of("OrderId", List.of("The OrderId field is required."))).saysOrderExists());
        assertFalse(new VektorValidationErrors(null, 400, Map.of("OrderId", List.of("Order already exists."),
                "Customer.Email", List.of("The Email field is required."))).saysOrderExists());
        assertFalse(new VektorValidationErrors(null, 400, null).saysOrderExists());
    }
}

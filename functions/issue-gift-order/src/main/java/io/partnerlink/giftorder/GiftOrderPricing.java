package io.partnerlink.giftorder;

import io.partnerlink.shared.problem.FieldError;
import io.partnerlink.shared.vektor.VektorAnswer;
import io.partnerlink.shared.vektor.VektorOrder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An order priced from one catalogue snapshot: each line with the partner's certificate and its line total,
 * the ids the catalogue lacks, and the total. All amounts are {@link BigDecimal}, multiplied and summed exactly.
 */
record GiftOrderPricing(GiftOrderRequest request, List<GiftOrder.Line> lines, List<FieldError> unknown, BigDecimal total) {

    static GiftOrderPricing of(GiftOrderRequest request, GiftCatalogue.Snapshot catalogue) {
        List<GiftOrder.Line> lines = new ArrayList<>();
        List<FieldError> unknown = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < request.certificates().size(); i++) {
            GiftOrderRequest.Line wanted = request.certificates().get(i);
            Optional<GiftCertificates.Certificate> found = catalogue.find(wanted.id());
            if (found.isEmpty()) {
                unknown.add(new FieldError("certificates[" + i + "].id", "is not in the vektor-adv catalogue"));
                continue;
            }
            GiftCertificates.Certificate c = found.get();
            BigDecimal lineTotal = c.price().multiply(BigDecimal.valueOf(wanted.quantity()));
            lines.add(new GiftOrder.Line(c.id(), c.vendor(), c.unit(), c.nominalValue(), c.price(), wanted.quantity(), lineTotal));
            total = total.add(lineTotal);
        }
        return new GiftOrderPricing(request, List.copyOf(lines), List.copyOf(unknown), total);
    }

    /** Whether the order can go ahead as priced: every id known and the expected total, if any, met. */
    boolean settled() {
        return unknown.isEmpty() && matchesExpectedTotal();
    }

    /** {@code 2200} and {@code 2200.00} are the same amount. */
    boolean matchesExpectedTotal() {
        return request.expectedTotal() == null || request.expectedTotal().compareTo(total) == 0;
    }

    /** The partner's order: its own certificate ids (in its case), in the request's line order. */
    VektorOrder toPartnerOrder(UUID orderId) {
        GiftOrderRequest.Customer c = request.customer();
        List<VektorOrder.Line> partnerLines = lines.stream().map(l -> new VektorOrder.Line(l.id(), l.quantity())).toList();
        return new VektorOrder(orderId, new VektorOrder.Customer(c.email(), c.name(), partnerPhone(c.phone())), partnerLines);
    }

    GiftOrder toAnswer(UUID orderId, String reference, VektorAnswer partnerAnswer) {
        GiftOrderRequest.Customer c = request.customer();
        return new GiftOrder(orderId, reference, new GiftOrder.Customer(c.email(), c.name(), partnerPhone(c.phone())), lines,
                total, partnerAnswer);
    }

    /** The partner's example phone is digits only ({@code 79251153242}), so a leading {@code +} is dropped. */
    private static String partnerPhone(String phone) {
        return phone != null && phone.startsWith("+") ? phone.substring(1) : phone;
    }
}

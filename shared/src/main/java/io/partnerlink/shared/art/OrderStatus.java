package io.partnerlink.shared.art;

/** The store order statuses ({@code GET /store/orders/statuses}). */
public final class OrderStatus {

    /** Created, invoice open. */
    public static final String UNPAID = "unpaid";
    /** Paid, being carried out at the registry. */
    public static final String PROCESSING = "processing";
    public static final String COMPLETED = "completed";
    public static final String CANCELLED = "cancelled";

    private OrderStatus() {
    }
}

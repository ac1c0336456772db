package io.partnerlink.coupons;

/** The event is not one this function accepts; nothing was run and no partner was called. */
public class InvalidSyncEventException extends IllegalArgumentException {

    public InvalidSyncEventException(String reason) {
        super("Invalid sync event: " + reason + ". A manual event may hold only email and phone patterns"
                + " (% matches any part), fullResync (true/false) and an id; a scheduled event is EventBridge's own.");
    }
}

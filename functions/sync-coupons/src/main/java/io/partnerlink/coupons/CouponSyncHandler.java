package io.partnerlink.coupons;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.partnerlink.shared.idempotency.Idempotency;
import io.partnerlink.shared.idempotency.IdempotentCall;
import io.partnerlink.shared.idempotency.Idempotent;
import io.partnerlink.shared.lambda.JsonStreamFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * The sync-coupons Lambda: an EventBridge schedule event or a manual event in, the run summary out. A repeated
 * event id (EventBridge redelivers) gets the stored summary without running again; a manual event without an id
 * runs unprotected, which is safe because a run writes only what differs and holds a lease on its checkpoint.
 */
public class CouponSyncHandler extends JsonStreamFunction<SyncEvent, SyncSummary> {

    private static final Logger LOG = LoggerFactory.getLogger(CouponSyncHandler.class);
    private static final Argument<SyncSummary> SUMMARY = Argument.of(SyncSummary.class);

    private final SyncEvents events;
    private final CouponSyncRun sync;
    private final Idempotency idempotency;
    private final ObjectMapper json;

    public CouponSyncHandler() {
        this(lambdaContext());
    }

    public CouponSyncHandler(ApplicationContext context) {
        super(context);
        this.events = context.getBean(SyncEvents.class);
        this.sync = context.getBean(CouponSyncRun.class);
        this.idempotency = context.getBean(Idempotency.class);
        this.json = context.getBean(ObjectMapper.class);
    }

    @Override
    protected SyncSummary handle(byte[] event, Context lambda) throws IOException {
        SyncRequest request = events.parse(event); // refuses a bad event before any partner call
        SyncSummary summary;
        if (request.eventId() == null) {
            LOG.info("Manual sync without an event id: running without replay protection");
            summary = sync.run(request, lambda);
        } else {
            Idempotent<SyncSummary> once = idempotency.execute(
                    IdempotentCall.of(request.eventId(), request.fingerprint(), lambda), SUMMARY, () -> sync.run(request, lambda));
            if (once.replayed()) {
                LOG.info("Event already handled: returning its stored summary");
            }
            summary = once.result();
        }
        LOG.info("Sync summary {}", json.writeValueAsString(summary));
        return summary;
    }
}

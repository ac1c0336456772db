package io.partnerlink.shared.priming;

import io.micronaut.crac.OrderedResource;
import jakarta.inject.Singleton;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Runs every {@link PrimingStep} bean before the checkpoint (micronaut-crac registers this resource with the
 * global CRaC context, which Lambda SnapStart drives). A failing step is logged and skipped: priming is an
 * optimisation and must never stop a snapshot.
 */
@Singleton
public class SnapStartPriming implements OrderedResource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

    private final List<PrimingStep> steps;

    public SnapStartPriming(List<PrimingStep> steps) {
        this.steps = steps;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to undo: priming caches no credential, token or connection.
    }

    /** Runs the steps now; returns how many succeeded. */
    public int prime() {
        int done = 0;
        for (PrimingStep step : steps) {
            try {
                step.prime();
                done++;
            } catch (Exception e) {
                LOG.warn("Priming step {} failed: {}", step.getClass().getSimpleName(), e.getClass().getSimpleName());
            }
        }
        LOG.info("Primed {} of {} steps before the snapshot", done, steps.size());
        return done;
    }
}

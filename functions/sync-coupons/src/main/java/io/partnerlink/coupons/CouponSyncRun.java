package io.partnerlink.coupons;

import com.amazonaws.services.lambda.runtime.Context;
import io.partnerlink.shared.ibonus.ClientQuery;
import io.partnerlink.shared.ibonus.IbonusClient;
import io.partnerlink.shared.ibonus.IbonusMalformedAnswerException;
import io.partnerlink.shared.ibonus.LoyaltyClient;
import io.partnerlink.shared.partner.PartnerRejectedException;
import io.partnerlink.shared.partner.PartnerUnauthorizedException;
import io.partnerlink.shared.partner.PartnerUnavailableException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One invocation's share of a run: take (or start) the run of the request's scope, page through the clients from
 * the checkpointed offset until a short page, and either finish the run or save where the next invocation goes on.
 * <ul>
 *   <li>time running low: checkpoint, {@code complete: false};</li>
 *   <li>client list unavailable after retries: error, checkpoint, {@code complete: false} (the next run resumes there);</li>
 *   <li>client list page unreadable: error, page skipped (its clients keep their items); three in a row end the run;</li>
 *   <li>client list refused (4xx) or offset ignored by the partner: error, the run ends without completing;</li>
 *   <li>401 after the secret was read again: checkpoint, then {@link SyncStoppedException}.</li>
 * </ul>
 */
@Singleton
public class CouponSyncRun {

    private static final Logger LOG = LoggerFactory.getLogger(CouponSyncRun.class);
    static final int MAX_UNREADABLE_PAGES = 3;

    private final IbonusClient ibonus;
    private final PagePass pages;
    private final RunCheckpoints checkpoints;
    private final SyncConfig config;
    private final Clock clock;

    public CouponSyncRun(IbonusClient ibonus, PagePass pages, RunCheckpoints checkpoints, SyncConfig config, Clock clock) {
        this.ibonus = ibonus;
        this.pages = pages;
        this.checkpoints = checkpoints;
        this.config = config;
        this.clock = clock;
    }

    public SyncSummary run(SyncRequest request, Context lambda) {
        long startedNanos = System.nanoTime();
        RunBudget budget = new RunBudget(lambda, config.safetyMargin(), config.localBudget(), clock);
        String owner = lambda != null && lambda.getAwsRequestId() != null ? lambda.getAwsRequestId() : UUID.randomUUID().toString();
        Taken taken;
        try {
            taken = take(request, owner, budget);
        } catch (RunBusyException busy) {
            LOG.warn("Sync not started: {}", busy.getMessage());
            return new SyncSummary(null, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                    List.of(new SyncError(null, 409, busy.getMessage() + "; this invocation did nothing")), false, null, 0);
        }
        Checkpoint run = taken.run();
        Integer resumedFrom = taken.resumed() ? run.nextOffset() : null;
        MDC.put("runId", run.runId());
        LOG.info("Sync run {} {} at offset {} (scope {}, fullResync {})", run.runId(),
                resumedFrom == null ? "starts" : "resumes", run.nextOffset(), run.scope(), run.fullResync());
        SyncTally tally = new SyncTally(run.tally(), config.maxErrors());
        Pass pass = new Pass(run, tally, budget, resumedFrom, startedNanos);
        return pass.go();
    }

    private record Taken(Checkpoint run, boolean resumed) {
    }

    /** Resumes the scope's unfinished run, or starts one; a lease held by another live invocation makes it busy. */
    private Taken take(SyncRequest request, String owner, RunBudget budget) {
        Instant now = clock.instant();
        Checkpoint existing = checkpoints.find(request.scope()).orElse(null);
        if (existing != null && existing.leasedToAnotherAt(now, owner)) {
            throw new RunBusyException(request.scope());
        }
        boolean resume = existing != null && !request.fullResync()
                && existing.startedAt().plus(config.checkpointMaxAge()).isAfter(now);
        Checkpoint base = resume ? existing
                : Checkpoint.fresh(UUID.randomUUID().toString(), request, now, existing == null ? 0 : existing.version());
        return new Taken(checkpoints.save(base.leasedTo(owner, budget.endsAt())), resume);
    }

    /** The page loop of one invocation. */
    private final class Pass {
        private Checkpoint run;
        private final SyncTally tally;
        private final RunBudget budget;
        private final Integer resumedFrom;
        private final long startedNanos;
        private final AtomicInteger progress = new AtomicInteger();
        private int offset;

        Pass(Checkpoint run, SyncTally tally, RunBudget budget, Integer resumedFrom, long startedNanos) {
            this.run = run;
            this.tally = tally;
            this.budget = budget;
            this.resumedFrom = resumedFrom;
            this.startedNanos = startedNanos;
        }

        SyncSummary go() {
            try {
                return pages();
            } catch (SyncStoppedException e) {
                throw e;
            } catch (RuntimeException e) {
                releaseAfter(e);
                throw e;
            }
        }

        /** After an unexpected failure (say DynamoDB unreachable), lets the next invocation have the run at once. */
        private void releaseAfter(RuntimeException failure) {
            try {
                run = checkpoints.save(run.pausedAt(offset, summary(false)));
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
                LOG.warn("Sync run {} could not save its checkpoint after a failure; its lease runs out by itself", run.runId());
            }
        }

        private SyncSummary pages() {
            offset = run.nextOffset();
            ClientQuery query = new ClientQuery(run.phone(), run.email(), offset, config.pageSize());
            Long previousFirst = null;
            int unreadableInARow = 0;
            PagePass.Ahead ahead = null;
            while (true) {
                if (budget.low()) {
                    return pause(offset, "time is running out");
                }
                // Pages are asked for at multiples of the page size, as the seed pages; a run resumed mid-page
                // skips the clients of that page it already did.
                int pageStart = offset - offset % config.pageSize();
                List<LoyaltyClient> page;
                PagePass.Page listed;
                PagePass.Ahead fetchedAhead = ahead;
                ahead = null;
                try {
                    listed = fetchedAhead != null ? fetchedAhead.page() : fetch(query, pageStart);
                    if (listed.start() != pageStart) {
                        listed = fetch(query, pageStart); // a page longer than asked for: the one ahead is not this one
                    }
                    page = listed.clients();
                } catch (PartnerUnauthorizedException e) {
                    throw stop(offset);
                } catch (PartnerUnavailableException e) {
                    tally.error(null, e.status(), "client list at offset " + pageStart + ": " + e.getMessage());
                    return pause(offset, "the client list is unavailable");
                } catch (IbonusMalformedAnswerException e) {
                    tally.error(null, e.status(), "client list at offset " + pageStart + ", page skipped: " + e.getMessage());
                    if (++unreadableInARow >= MAX_UNREADABLE_PAGES) {
                        return abandon(MAX_UNREADABLE_PAGES + " unreadable client pages in a row");
                    }
                    offset = pageStart + config.pageSize();
                    continue;
                } catch (PartnerRejectedException e) {
                    tally.error(null, e.status(), "client list at offset " + pageStart + ": " + e.getMessage());
                    return abandon("the client list was refused");
                }
                unreadableInARow = 0;
                Long first = page.isEmpty() ? null : page.get(0).id();
                if (first != null && first.equals(previousFirst)) {
                    tally.error(null, 200, "client list at offset " + pageStart + " repeats the previous page: offset ignored");
                    return abandon("the partner ignores offset");
                }
                previousFirst = first;
                List<LoyaltyClient> todo = page.subList(Math.min(offset - pageStart, page.size()), page.size());
                int nextStart = pageStart + page.size() - (pageStart + page.size()) % config.pageSize();
                Supplier<PagePass.Page> next = page.size() < config.pageSize() ? null : () -> fetch(query, nextStart);
                PagePass.Result done = pages.run(todo, listed.seen(), offset, budget, run.fullResync(), tally, progress, next);
                ahead = done.next();
                offset += done.processed();
                if (done.unauthorized()) {
                    throw stop(offset);
                }
                if (done.processed() < todo.size()) {
                    return pause(offset, "time is running out");
                }
                if (page.size() < config.pageSize()) {
                    return finish();
                }
                offset = pageStart + page.size(); // normally already there; a page longer than asked moves on past it
            }
        }

        private PagePass.Page fetch(ClientQuery query, int pageStart) {
            return pages.page(pageStart, ibonus.clients(query.at(pageStart), budget.retryDeadline()), run.fullResync());
        }

        private SyncSummary finish() {
            SyncSummary summary = summary(true);
            checkpoints.delete(run);
            LOG.info("Sync run {} complete: {} clients", run.runId(), summary.clientsScanned());
            return summary;
        }

        private SyncSummary pause(int at, String why) {
            SyncSummary summary = summary(false);
            run = checkpoints.save(run.pausedAt(at, summary));
            LOG.info("Sync run {} paused at offset {}: {}", run.runId(), at, why);
            return summary;
        }

        /** Ends the run without completing it: the next trigger starts over from the first page. */
        private SyncSummary abandon(String why) {
            SyncSummary summary = summary(false);
            checkpoints.delete(run);
            LOG.warn("Sync run {} ended incomplete: {}", run.runId(), why);
            return summary;
        }

        private SyncStoppedException stop(int at) {
            run = checkpoints.save(run.pausedAt(at, summary(false)));
            return new SyncStoppedException("i-bonus refused the credentials (HTTP 401), also after the secret was read"
                    + " again; run " + run.runId() + " stopped at client offset " + at
                    + " with its checkpoint saved; no coupon of an unread client was removed");
        }

        private SyncSummary summary(boolean complete) {
            long ms = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
            return tally.summary(run.runId(), complete, resumedFrom, ms);
        }
    }
}

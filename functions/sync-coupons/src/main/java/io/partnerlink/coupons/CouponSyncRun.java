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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One invocation's share of a run: take (or start) the run of the request's scope, page through the clients from
 * the checkpointed offset, the offset advancing by the clients each page brought, until an empty page ends the list;
 * then mark the clients i-bonus no longer lists ({@link VanishedClients}) and finish the run, or save where the next
 * invocation goes on.
 * <ul>
 *   <li>time running low: checkpoint, {@code complete: false};</li>
 *   <li>client list unavailable after retries: error, checkpoint, {@code complete: false} (the next run resumes there);</li>
 *   <li>a page that cannot be trusted (unreadable, a client without an id, more clients than {@code limit}, a client
 *       listed twice, a page repeating the previous one) or a list longer than {@code maxClients}: error, the run
 *       ends without completing, and nothing is marked vanished;</li>
 *   <li>client list refused (4xx): error, the run ends without completing;</li>
 *   <li>401 after the secret was read again: checkpoint, then {@link SyncStoppedException}.</li>
 * </ul>
 */
@Singleton
public class CouponSyncRun {

    private static final Logger LOG = LoggerFactory.getLogger(CouponSyncRun.class);

    private final IbonusClient ibonus;
    private final PagePass pages;
    private final RunCheckpoints checkpoints;
    private final ListedClients listedClients;
    private final VanishedClients vanished;
    private final SyncConfig config;
    private final Clock clock;

    public CouponSyncRun(IbonusClient ibonus, PagePass pages, RunCheckpoints checkpoints, ListedClients listedClients,
                         VanishedClients vanished, SyncConfig config, Clock clock) {
        this.ibonus = ibonus;
        this.pages = pages;
        this.checkpoints = checkpoints;
        this.listedClients = listedClients;
        this.vanished = vanished;
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
                    List.of(new SyncError(null, 409, busy.getMessage() + "; this invocation did nothing")), false, null, 0, 0, 0);
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
        Taken taken = new Taken(checkpoints.save(base.leasedTo(owner, budget.endsAt())), resume);
        if (existing != null && !resume) {
            listedClients.delete(existing.runId()); // the replaced run's list is of no use to anyone
        }
        return taken;
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
        /** Every client id the run has seen listed (earlier invocations' too), for the vanished-client pass. */
        private final Set<Long> listed = new HashSet<>();
        /** Those seen by this invocation and not saved yet. */
        private final List<Long> listedUnsaved = new ArrayList<>();
        /** Whether the run has saved listed clients (in this or an earlier invocation) that must be deleted at the end. */
        private boolean listedSaved;

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
            int at = offset;
            try {
                saveListed();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
                at = run.nextOffset(); // what was listed since is not saved: the next invocation lists it again
            }
            try {
                run = checkpoints.save(run.pausedAt(at, summary(false)));
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
                LOG.warn("Sync run {} could not save its checkpoint after a failure; its lease runs out by itself", run.runId());
            }
        }

        private SyncSummary pages() {
            offset = run.nextOffset();
            if (resumedFrom != null) {
                listed.addAll(listedClients.load(run.runId()));
                listedSaved = true;
            }
            ClientQuery query = new ClientQuery(run.phone(), run.email(), offset, config.pageSize());
            Set<Long> seenHere = new HashSet<>(); // a client listed twice within one invocation's pages is an error
            Long previousFirst = null;
            PagePass.Ahead ahead = null;
            while (true) {
                if (budget.low()) {
                    return pause(offset, "time is running out");
                }
                if (offset >= config.maxClients()) {
                    tally.error(null, 200, "client list did not end within " + config.maxClients() + " clients (coupons.sync.max-clients)");
                    return abandon("the client list does not end");
                }
                int pageStart = offset;
                PagePass.Page listedPage;
                PagePass.Ahead fetchedAhead = ahead;
                ahead = null;
                try {
                    listedPage = fetchedAhead != null ? fetchedAhead.page() : fetch(query, pageStart);
                    if (listedPage.start() != pageStart) {
                        listedPage = fetch(query, pageStart); // the page fetched ahead is not this one (a run cut short)
                    }
                } catch (PartnerUnauthorizedException e) {
                    throw stop(offset);
                } catch (PartnerUnavailableException e) {
                    tally.error(null, e.status(), "client list at offset " + pageStart + ": " + e.getMessage());
                    return pause(offset, "the client list is unavailable");
                } catch (IbonusMalformedAnswerException e) {
                    tally.error(null, e.status(), "client list at offset " + pageStart + ": " + e.getMessage());
                    return abandon("a client page is unreadable");
                } catch (PartnerRejectedException e) {
                    tally.error(null, e.status(), "client list at offset " + pageStart + ": " + e.getMessage());
                    return abandon("the client list was refused");
                }
                List<LoyaltyClient> page = listedPage.clients();
                String wrong = untrusted(page, seenHere, previousFirst);
                if (wrong != null) {
                    tally.error(null, 200, "client list at offset " + pageStart + ": " + wrong);
                    return abandon(wrong);
                }
                if (page.isEmpty()) {
                    return finish(); // the end of the list, and only this, completes a run
                }
                previousFirst = page.getFirst().id();
                for (LoyaltyClient client : page) {
                    seenHere.add(client.id());
                    if (listed.add(client.id())) {
                        listedUnsaved.add(client.id());
                    }
                }
                int nextStart = pageStart + page.size(); // what arrived, not what was asked for: a server may cap pages
                PagePass.Result done = pages.run(page, listedPage.seen(), offset, budget, run.fullResync(), tally, progress,
                        () -> fetch(query, nextStart));
                ahead = done.next();
                offset += done.processed();
                if (done.unauthorized()) {
                    throw stop(offset);
                }
                if (done.processed() < page.size()) {
                    return pause(offset, "time is running out");
                }
            }
        }

        /** Why a page cannot be trusted to move the offset on (null when it can). */
        private String untrusted(List<LoyaltyClient> page, Set<Long> seenHere, Long previousFirst) {
            if (page.size() > config.pageSize()) {
                return page.size() + " clients arrived for a limit of " + config.pageSize();
            }
            Set<Long> onPage = new HashSet<>();
            for (LoyaltyClient client : page) {
                if (!onPage.add(client.id()) || seenHere.contains(client.id())) {
                    return client.id().equals(previousFirst) && client == page.getFirst()
                            ? "the page repeats the previous one (offset ignored?)"
                            : "client " + client.id() + " is listed twice";
                }
            }
            return null;
        }

        private void saveListed() {
            if (!listedUnsaved.isEmpty()) {
                listedSaved = true;
                listedClients.save(run.runId(), listedUnsaved);
                listedUnsaved.clear();
            }
        }

        private void deleteListed() {
            if (listedSaved) {
                listedClients.delete(run.runId());
            }
        }

        private PagePass.Page fetch(ClientQuery query, int pageStart) {
            return pages.page(pageStart, ibonus.clients(query.at(pageStart), budget.retryDeadline()), run.fullResync());
        }

        private SyncSummary finish() {
            if (run.email() == null && run.phone() == null) {
                vanished.mark(listed, tally); // only the whole list tells who is gone
            }
            SyncSummary summary = summary(true);
            checkpoints.delete(run);
            deleteListed();
            LOG.info("Sync run {} complete: {} clients", run.runId(), summary.clientsScanned());
            return summary;
        }

        private SyncSummary pause(int at, String why) {
            saveListed(); // before the checkpoint that moves past them
            SyncSummary summary = summary(false);
            run = checkpoints.save(run.pausedAt(at, summary));
            LOG.info("Sync run {} paused at offset {}: {}", run.runId(), at, why);
            return summary;
        }

        /** Ends the run without completing it: the next trigger starts over from the first page. */
        private SyncSummary abandon(String why) {
            SyncSummary summary = summary(false);
            checkpoints.delete(run);
            deleteListed();
            LOG.warn("Sync run {} ended incomplete: {}", run.runId(), why);
            return summary;
        }

        private SyncStoppedException stop(int at) {
            saveListed();
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

package io.partnerlink.giftorder;

import io.micronaut.context.annotation.Value;
import io.partnerlink.shared.api.ApiRequest;
import io.partnerlink.shared.api.ApiResponse;
import io.partnerlink.shared.api.JsonBodies;
import io.partnerlink.shared.partner.Deadline;
import io.partnerlink.shared.vektor.VektorCertificate;
import io.partnerlink.shared.vektor.VektorClient;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The partner's catalogue, kept per container for {@code gift-catalogue.max-age} (default 5 minutes) so that
 * listing and pricing do not call the partner every time. One caller at a time fetches; the others reuse its result.
 */
@Singleton
public class GiftCatalogue {

    private static final Logger LOG = LoggerFactory.getLogger(GiftCatalogue.class);

    private final VektorClient vektor;
    private final JsonBodies bodies;
    private final RequestDeadlines deadlines;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Snapshot snapshot;

    public GiftCatalogue(VektorClient vektor, JsonBodies bodies, RequestDeadlines deadlines, Clock clock,
                         @Value("${gift-catalogue.max-age:5m}") Duration maxAge) {
        this.vektor = vektor;
        this.bodies = bodies;
        this.deadlines = deadlines;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** {@code GET /gift-certificates}. */
    ApiResponse list(ApiRequest request) {
        return bodies.json(200, new GiftCertificates(current(deadlines.of(request)).certificates()));
    }

    /** The cached catalogue, fetched when missing or older than the max age. */
    Snapshot current(Deadline deadline) {
        Snapshot seen = snapshot;
        if (seen != null && clock.instant().isBefore(seen.fetchedAt().plus(maxAge))) {
            return seen;
        }
        return newerThan(seen, deadline);
    }

    /** A catalogue fetched after {@code seen}: another caller's if it just fetched one, else a fresh one. */
    synchronized Snapshot newerThan(Snapshot seen, Deadline deadline) {
        if (snapshot != seen) {
            return snapshot;
        }
        Snapshot fresh = Snapshot.of(vektor.certificates(deadline), clock.instant());
        snapshot = fresh;
        return fresh;
    }

    /** The catalogue at one moment, indexed by certificate id (UUIDs compare case-insensitively). */
    record Snapshot(List<GiftCertificates.Certificate> certificates, Map<UUID, GiftCertificates.Certificate> byId,
                    Instant fetchedAt) {

        static Snapshot of(List<VektorCertificate> partner, Instant fetchedAt) {
            List<GiftCertificates.Certificate> usable = new ArrayList<>();
            Map<UUID, GiftCertificates.Certificate> byId = new LinkedHashMap<>();
            int skipped = 0;
            for (VektorCertificate c : partner) {
                Optional<UUID> id = uuid(c == null ? null : c.id());
                // An entry we could not price or order is left out rather than guessed at.
                if (id.isEmpty() || c.price() == null || c.price().signum() < 0 || byId.containsKey(id.get())) {
                    skipped++;
                    continue;
                }
                GiftCertificates.Certificate certificate =
                        new GiftCertificates.Certificate(c.id(), c.vendor(), c.unit(), c.value(), c.price());
                usable.add(certificate);
                byId.put(id.get(), certificate);
            }
            if (skipped > 0) {
                LOG.warn("Left {} unusable vektor catalogue entries out (no id, no price or a repeated id)", skipped);
            }
            LOG.info("Fetched the vektor catalogue: {} certificates", usable.size());
            return new Snapshot(List.copyOf(usable), Map.copyOf(byId), fetchedAt);
        }

        Optional<GiftCertificates.Certificate> find(String id) {
            return uuid(id).map(byId::get);
        }

        static Optional<UUID> uuid(String text) {
            if (text == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(UUID.fromString(text));
            } catch (IllegalArgumentException notUuid) {
                return Optional.empty();
            }
        }
    }
}

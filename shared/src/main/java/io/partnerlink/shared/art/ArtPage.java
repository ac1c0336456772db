package io.partnerlink.shared.art;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * .ART's list envelope: {@code total} matching items (not the page size) and this page's {@code items}. The seed
 * gives {@code limit} only as "maximum number of items" with example 20 and no maximum, so a server may well
 * answer fewer than asked: paging follows what arrived ({@link #collect}).
 */
@Serdeable
public record ArtPage<T>(@Nullable Long total, @Nullable List<T> items) {

    public ArtPage {
        // Not List.copyOf: a null element must reach collect() to be reported as an item without an id.
        items = items == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(items));
    }

    /** Upper bound on the items of one list, against a partner that never stops paging. */
    public static final int MAX_ITEMS = 100_000;

    /**
     * Every item of a list. The offset advances by the number of items received, and the list ends when the offset
     * reaches the {@code total} of the last page. Anything that makes the end uncertain stops with an
     * {@link ArtListingException} rather than a list that may be short: a page with more items than {@code limit},
     * a {@code total} absent, negative or above {@link #MAX_ITEMS}, an item without an id, an id seen before (a
     * repeated page, or a list that moved while it was paged), or an empty page before the {@code total}.
     */
    public static <T> List<T> collect(String list, int limit, Function<T, String> idOf, IntFunction<ArtPage<T>> fetch) {
        List<T> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String previousFirst = null;
        int offset = 0;
        while (true) {
            ArtPage<T> page = fetch.apply(offset);
            Long total = page.total();
            if (total == null || total < 0) {
                throw new ArtListingException(list, offset, "the page has " + (total == null ? "no total" : "a negative total " + total));
            }
            if (total > MAX_ITEMS) {
                throw new ArtListingException(list, offset, "total " + total + " is above the bound of " + MAX_ITEMS + " items");
            }
            if (page.items().size() > limit) {
                throw new ArtListingException(list, offset, page.items().size() + " items arrived for a limit of " + limit);
            }
            for (int i = 0; i < page.items().size(); i++) {
                T item = page.items().get(i);
                String id = item == null ? null : idOf.apply(item);
                if (id == null || id.isBlank()) {
                    throw new ArtListingException(list, offset, "item " + (offset + i) + " has no id");
                }
                if (!seen.add(id)) {
                    throw new ArtListingException(list, offset, i == 0 && id.equals(previousFirst)
                            ? "the page repeats the previous one (offset ignored?)"
                            : "id " + id + " was listed before (the list moved while it was paged?)");
                }
            }
            all.addAll(page.items());
            offset += page.items().size();
            if (offset >= total) {
                return all;
            }
            if (page.items().isEmpty()) {
                throw new ArtListingException(list, offset, "an empty page before the total of " + total);
            }
            if (offset >= MAX_ITEMS) {
                throw new ArtListingException(list, offset, "the list did not end within " + MAX_ITEMS + " items");
            }
            previousFirst = idOf.apply(page.items().getFirst());
        }
    }
}

package io.partnerlink.shared.art;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * .ART's list envelope: {@code total} matching items (not the page size) and this page's {@code items}.
 * Page with {@code offset += limit} until {@code offset >= total}.
 */
@Serdeable
public record ArtPage<T>(long total, @Nullable List<T> items) {

    public ArtPage {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Upper bound on items collected by {@link #collect}, against a partner that never stops paging. */
    static final int MAX_ITEMS = 100_000;

    /** Every item, fetching pages at offsets 0, n, 2n... until {@code offset >= total} or a page comes back empty. */
    public static <T> List<T> collect(int pageSize, IntFunction<ArtPage<T>> fetch) {
        List<T> all = new ArrayList<>();
        int offset = 0;
        while (offset < MAX_ITEMS) {
            ArtPage<T> page = fetch.apply(offset);
            all.addAll(page.items());
            offset += pageSize;
            if (page.items().isEmpty() || offset >= page.total()) {
                break;
            }
        }
        return all;
    }
}

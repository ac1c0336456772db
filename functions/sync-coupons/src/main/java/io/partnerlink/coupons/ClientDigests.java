package io.partnerlink.coupons;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.partnerlink.coupons.MirrorItems.DIGEST_SK;
import static io.partnerlink.coupons.MirrorItems.PK;

/**
 * The per-client digest items ({@code CLIENT#<id>} / {@code DIGEST}): {@link MirrorItems#clientDigest} of what the
 * client's items hold, so a page of unchanged clients costs one {@code BatchGetItem} instead of a query each.
 * <p>
 * A digest vouches only for items written before it: it is written after them, conditionally on the item's
 * {@code claim} being the one this sync last saw or set, and a sync removes a digest that vouches (sets a new claim
 * without one) before it changes an item. So a crash between items and digest leaves no digest, and a concurrent
 * sync's late writes void the other's digest instead of hiding behind it.
 */
@Singleton
public class ClientDigests {

    static final String DIGEST = "digest";
    static final String CLAIM = "claim";
    private static final int BATCH = 100; // BatchGetItem's limit
    private static final int UNPROCESSED_ROUNDS = 3;

    /** A digest item as read; {@code digest} is null when it vouches for nothing (a sync is or was changing items). */
    record Seen(String digest, String claim) {
        static Seen of(Map<String, AttributeValue> item) {
            return item == null ? null : new Seen(MirrorItems.text(item, DIGEST), MirrorItems.text(item, CLAIM));
        }
    }

    private final BeanProvider<DynamoDbClient> dynamoDb;
    private final String table;

    public ClientDigests(BeanProvider<DynamoDbClient> dynamoDb, @Value("${coupons.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /**
     * The digest items of these clients, consistently read, by client id (absent: none, or not read). Keys DynamoDB
     * leaves unprocessed are asked again a few times; any still left simply take the full path.
     */
    Map<Long, Seen> read(List<Long> clientIds) {
        Map<Long, Seen> seen = new HashMap<>();
        for (int from = 0; from < clientIds.size(); from += BATCH) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (Long id : clientIds.subList(from, Math.min(clientIds.size(), from + BATCH))) {
                keys.add(MirrorItems.key(id, DIGEST_SK));
            }
            KeysAndAttributes ask = KeysAndAttributes.builder().keys(keys).consistentRead(true)
                    .projectionExpression("#pk, #d, #c").expressionAttributeNames(Map.of("#pk", PK, "#d", DIGEST, "#c", CLAIM)).build();
            for (int round = 0; round < UNPROCESSED_ROUNDS && ask != null && ask.hasKeys() && !ask.keys().isEmpty(); round++) {
                KeysAndAttributes asked = ask;
                var answer = dynamoDb.get().batchGetItem(r -> r.requestItems(Map.of(table, asked)));
                for (Map<String, AttributeValue> item : answer.responses().getOrDefault(table, List.of())) {
                    seen.put(MirrorItems.clientId(item), Seen.of(item));
                }
                ask = answer.unprocessedKeys().get(table);
            }
        }
        return seen;
    }

    /** Leaves the client's digest item vouching for nothing, under a new claim, which it returns. */
    String withdraw(long clientId) {
        String claim = UUID.randomUUID().toString();
        Map<String, AttributeValue> item = base(clientId, claim);
        dynamoDb.get().putItem(r -> r.tableName(table).item(item));
        return claim;
    }

    /**
     * Writes {@code digest} unless another sync wrote the digest item since this one saw it ({@code claimSeen}; null:
     * there was none). Returns whether it was written.
     */
    boolean vouch(long clientId, String digest, String claimSeen, Instant now) {
        Map<String, AttributeValue> item = base(clientId, UUID.randomUUID().toString());
        item.put(DIGEST, AttributeValue.fromS(digest));
        item.put("vouchedAt", AttributeValue.fromS(now.toString()));
        try {
            if (claimSeen == null) {
                dynamoDb.get().putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", PK)));
            } else {
                dynamoDb.get().putItem(r -> r.tableName(table).item(item).conditionExpression("#c = :c")
                        .expressionAttributeNames(Map.of("#c", CLAIM))
                        .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(claimSeen))));
            }
            return true;
        } catch (ConditionalCheckFailedException anotherSync) {
            return false;
        }
    }

    private static Map<String, AttributeValue> base(long clientId, String claim) {
        Map<String, AttributeValue> item = MirrorItems.item(clientId, DIGEST_SK, "digest");
        item.put(CLAIM, AttributeValue.fromS(claim));
        return item;
    }
}

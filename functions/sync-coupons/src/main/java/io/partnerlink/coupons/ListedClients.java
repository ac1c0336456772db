package io.partnerlink.coupons;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The client ids a run has seen in i-bonus' list, kept across the invocations a run is cut into: in the checkpoint
 * partition ({@code SYNC#checkpoint}, the one partition the function may delete from), sort key
 * {@code listed#<runId>#<uuid>}, one item per saved chunk (a number set of up to {@link #CHUNK} ids, well under
 * DynamoDB's 400 KB). Saved before the checkpoint that moves past them, so every client before a checkpoint's offset
 * is in here; deleted when the run ends.
 */
@Singleton
public class ListedClients {

    static final int CHUNK = 10_000;
    static final String PREFIX = "listed#";

    private final BeanProvider<DynamoDbClient> dynamoDb;
    private final String table;

    public ListedClients(BeanProvider<DynamoDbClient> dynamoDb, @Value("${coupons.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    void save(String runId, Collection<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK)).stream().map(String::valueOf).toList();
            dynamoDb.get().putItem(r -> r.tableName(table).item(Map.of(
                    MirrorItems.PK, AttributeValue.fromS(RunCheckpoints.PARTITION),
                    MirrorItems.SK, AttributeValue.fromS(PREFIX + runId + "#" + UUID.randomUUID()),
                    "ids", AttributeValue.fromNs(chunk))));
        }
    }

    Set<Long> load(String runId) {
        Set<Long> ids = new HashSet<>();
        items(runId).forEach(item -> item.get("ids").ns().forEach(n -> ids.add(Long.parseLong(n))));
        return ids;
    }

    void delete(String runId) {
        items(runId).forEach(item -> dynamoDb.get().deleteItem(r -> r.tableName(table)
                .key(Map.of(MirrorItems.PK, item.get(MirrorItems.PK), MirrorItems.SK, item.get(MirrorItems.SK)))));
    }

    private Iterable<Map<String, AttributeValue>> items(String runId) {
        return dynamoDb.get().queryPaginator(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :run)")
                .expressionAttributeNames(Map.of("#pk", MirrorItems.PK, "#sk", MirrorItems.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(RunCheckpoints.PARTITION),
                        ":run", AttributeValue.fromS(PREFIX + runId + "#")))).items();
    }
}

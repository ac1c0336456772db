package io.partnerlink.coupons;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Every client the mirror holds items for, in one partition ({@code SYNC#roster}, sort key {@code CLIENT#<id>}), so
 * a complete pass can tell which of them i-bonus no longer lists without scanning the table. A client is enrolled
 * once, before its first item is written (one write per new client, none for an unchanged one); {@code orphanedAt}
 * marks a client found vanished, so later passes leave it alone until it is listed again.
 */
@Singleton
public class ClientRoster {

    static final String PARTITION = "SYNC#roster";
    static final String ORPHANED_AT = "orphanedAt";

    private final BeanProvider<DynamoDbClient> dynamoDb;
    private final String table;

    public ClientRoster(BeanProvider<DynamoDbClient> dynamoDb, @Value("${coupons.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** Adds the client unless it is there (a concurrent sync of the same client is harmless). */
    void enrol(long clientId) {
        Map<String, AttributeValue> item = item(clientId);
        try {
            dynamoDb.get().putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", MirrorItems.PK)));
        } catch (ConditionalCheckFailedException already) {
            // enrolled before
        }
    }

    /** Every enrolled client, and whether it is marked vanished; one consistent query (paged by the SDK). */
    Map<Long, Boolean> all() {
        Map<Long, Boolean> clients = new HashMap<>();
        dynamoDb.get().queryPaginator(r -> r.tableName(table).consistentRead(true).keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", MirrorItems.PK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(PARTITION))))
                .items()
                .forEach(item -> clients.put(Long.parseLong(item.get("clientId").n()), item.containsKey(ORPHANED_AT)));
        return clients;
    }

    // Whole-item puts, not UpdateItem: the function's policy grants PutItem on the mirror and nothing more.
    void markVanished(long clientId, Instant now) {
        Map<String, AttributeValue> item = item(clientId);
        item.put(ORPHANED_AT, AttributeValue.fromS(now.toString()));
        dynamoDb.get().putItem(r -> r.tableName(table).item(item));
    }

    void markListedAgain(long clientId) {
        dynamoDb.get().putItem(r -> r.tableName(table).item(item(clientId)));
    }

    private static Map<String, AttributeValue> item(long clientId) {
        Map<String, AttributeValue> item = new HashMap<>(key(clientId));
        item.put("clientId", AttributeValue.fromN(Long.toString(clientId)));
        return item;
    }

    private static Map<String, AttributeValue> key(long clientId) {
        return Map.of(MirrorItems.PK, AttributeValue.fromS(PARTITION), MirrorItems.SK, AttributeValue.fromS(MirrorItems.clientKey(clientId)));
    }
}

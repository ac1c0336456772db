package io.partnerlink.coupons;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

/** The coupons table ({@code coupons.table} ← {@code COUPONS_TABLE}): a client's stored items, and writing one. */
@Singleton
public class CouponMirror {

    private final BeanProvider<DynamoDbClient> dynamoDb;
    private final String table;

    public CouponMirror(BeanProvider<DynamoDbClient> dynamoDb, @Value("${coupons.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** Every item of the client (coupons and balances), by sort key; one consistent query (paged by the SDK). */
    public Map<String, Map<String, AttributeValue>> load(long clientId) {
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        dynamoDb.get().queryPaginator(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", MirrorItems.PK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(MirrorItems.clientKey(clientId)))))
                .items()
                .forEach(item -> items.put(item.get(MirrorItems.SK).s(), item));
        return items;
    }

    public void put(Map<String, AttributeValue> item) {
        dynamoDb.get().putItem(r -> r.tableName(table).item(item));
    }
}

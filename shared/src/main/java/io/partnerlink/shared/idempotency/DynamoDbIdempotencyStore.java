package io.partnerlink.shared.idempotency;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Idempotency records in DynamoDB: partition key {@code id}, TTL attribute {@code expiration} (epoch seconds).
 * A claim is one conditional {@code PutItem}; when it loses, {@code ReturnValuesOnConditionCheckFailure=ALL_OLD}
 * hands back the record that won, so deciding a duplicate costs no extra read.
 */
@Singleton
public class DynamoDbIdempotencyStore implements IdempotencyStore {

    static final String ID = "id";
    static final String STATUS = "status";
    static final String PAYLOAD_HASH = "payloadHash";
    static final String IN_PROGRESS_UNTIL = "inProgressExpiration";
    static final String EXPIRATION = "expiration";
    static final String RESULT = "result";

    private static final String CLAIM_CONDITION = "attribute_not_exists(#id) OR #exp <= :nowSeconds"
            + " OR (#status = :inProgress AND #until <= :nowMillis)";

    private final BeanProvider<DynamoDbClient> dynamoDb;
    private final String table;

    public DynamoDbIdempotencyStore(BeanProvider<DynamoDbClient> dynamoDb,
                                    @Value("${idempotency.table:idempotency}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<IdempotencyRecord> claim(IdempotencyRecord inProgress, Instant now) {
        try {
            dynamoDb.get().putItem(r -> r.tableName(table)
                    .item(toItem(inProgress))
                    .conditionExpression(CLAIM_CONDITION)
                    .expressionAttributeNames(Map.of("#id", ID, "#exp", EXPIRATION, "#status", STATUS, "#until", IN_PROGRESS_UNTIL))
                    .expressionAttributeValues(Map.of(
                            ":nowSeconds", number(now.getEpochSecond()),
                            ":nowMillis", number(now.toEpochMilli()),
                            ":inProgress", AttributeValue.fromS(IdempotencyRecord.Status.INPROGRESS.name())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Optional.empty();
        } catch (ConditionalCheckFailedException lost) {
            if (lost.hasItem() && !lost.item().isEmpty()) {
                return Optional.of(fromItem(lost.item()));
            }
            // Only a store without ReturnValuesOnConditionCheckFailure gets here; read the winner instead.
            return find(inProgress.id()).or(() -> Optional.of(inProgress));
        } catch (SdkException e) {
            throw unavailable("claim", e);
        }
    }

    @Override
    public void complete(IdempotencyRecord completed) {
        try {
            dynamoDb.get().putItem(r -> r.tableName(table).item(toItem(completed)));
        } catch (SdkException e) {
            throw unavailable("complete", e);
        }
    }

    @Override
    public void release(String id) {
        try {
            dynamoDb.get().deleteItem(r -> r.tableName(table).key(Map.of(ID, AttributeValue.fromS(id))));
        } catch (SdkException e) {
            throw unavailable("release", e);
        }
    }

    @Override
    public Optional<IdempotencyRecord> find(String id) {
        try {
            var item = dynamoDb.get().getItem(r -> r.tableName(table).consistentRead(true)
                    .key(Map.of(ID, AttributeValue.fromS(id)))).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
        } catch (SdkException e) {
            throw unavailable("read", e);
        }
    }

    private static Map<String, AttributeValue> toItem(IdempotencyRecord record) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ID, AttributeValue.fromS(record.id()));
        item.put(STATUS, AttributeValue.fromS(record.status().name()));
        item.put(PAYLOAD_HASH, AttributeValue.fromS(record.payloadHash()));
        item.put(IN_PROGRESS_UNTIL, number(record.inProgressUntil().toEpochMilli()));
        item.put(EXPIRATION, number(record.expiresAt().getEpochSecond()));
        if (record.result() != null) {
            item.put(RESULT, AttributeValue.fromS(record.result()));
        }
        return item;
    }

    private static IdempotencyRecord fromItem(Map<String, AttributeValue> item) {
        return new IdempotencyRecord(
                item.get(ID).s(),
                IdempotencyRecord.Status.valueOf(item.get(STATUS).s()),
                item.get(PAYLOAD_HASH).s(),
                Instant.ofEpochMilli(Long.parseLong(item.get(IN_PROGRESS_UNTIL).n())),
                Instant.ofEpochSecond(Long.parseLong(item.get(EXPIRATION).n())),
                item.containsKey(RESULT) ? item.get(RESULT).s() : null);
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private IdempotencyStoreUnavailableException unavailable(String action, SdkException e) {
        return new IdempotencyStoreUnavailableException(
                "Idempotency store '" + table + "' unavailable (" + action + "): " + e.getClass().getSimpleName(), e);
    }
}

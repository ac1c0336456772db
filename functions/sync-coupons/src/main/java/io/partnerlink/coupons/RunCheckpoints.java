package io.partnerlink.coupons;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checkpoints of unfinished runs, in the coupons table under partition {@code SYNC#checkpoint}, sort key = scope.
 * Each write is conditional on the version it read: losing that race means another invocation has the run.
 */
@Singleton
public class RunCheckpoints {

    static final String PARTITION = "SYNC#checkpoint";

    private final BeanProvider<DynamoDbClient> dynamoDb;
    private final ObjectMapper json;
    private final String table;

    public RunCheckpoints(BeanProvider<DynamoDbClient> dynamoDb, ObjectMapper json, @Value("${coupons.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.json = json;
        this.table = table;
    }

    Optional<Checkpoint> find(String scope) {
        Map<String, AttributeValue> item = dynamoDb.get().getItem(r -> r.tableName(table).consistentRead(true).key(key(scope))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /**
     * Writes {@code next} if the stored checkpoint still has {@code next.version()} (or none exists when it is 0),
     * and returns it with its new version.
     *
     * @throws RunBusyException when another invocation wrote first
     */
    Checkpoint save(Checkpoint next) {
        Checkpoint written = new Checkpoint(next.scope(), next.runId(), next.email(), next.phone(), next.fullResync(),
                next.nextOffset(), next.startedAt(), next.tally(), next.leaseOwner(), next.leaseUntil(), next.version() + 1);
        try {
            if (next.version() == 0) {
                dynamoDb.get().putItem(r -> r.tableName(table).item(toItem(written)).conditionExpression("attribute_not_exists(pk)"));
            } else {
                dynamoDb.get().putItem(r -> r.tableName(table).item(toItem(written)).conditionExpression("#v = :v")
                        .expressionAttributeNames(Map.of("#v", "version"))
                        .expressionAttributeValues(Map.of(":v", number(next.version()))));
            }
        } catch (ConditionalCheckFailedException lost) {
            throw new RunBusyException(next.scope());
        }
        return written;
    }

    /** The run is complete: its checkpoint goes (unless another invocation has taken it meanwhile). */
    void delete(Checkpoint done) {
        try {
            dynamoDb.get().deleteItem(r -> r.tableName(table).key(key(done.scope())).conditionExpression("#v = :v")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":v", number(done.version()))));
        } catch (ConditionalCheckFailedException lost) {
            throw new RunBusyException(done.scope());
        }
    }

    private static Map<String, AttributeValue> key(String scope) {
        return Map.of(MirrorItems.PK, AttributeValue.fromS(PARTITION), MirrorItems.SK, AttributeValue.fromS(scope));
    }

    private Map<String, AttributeValue> toItem(Checkpoint c) {
        Map<String, AttributeValue> item = new HashMap<>(key(c.scope()));
        item.put("runId", AttributeValue.fromS(c.runId()));
        if (c.email() != null) {
            item.put("email", AttributeValue.fromS(c.email()));
        }
        if (c.phone() != null) {
            item.put("phone", AttributeValue.fromS(c.phone()));
        }
        item.put("fullResync", AttributeValue.fromBool(c.fullResync()));
        item.put("nextOffset", number(c.nextOffset()));
        item.put("startedAt", AttributeValue.fromS(c.startedAt().toString()));
        item.put("tally", AttributeValue.fromS(write(c.tally())));
        if (c.leaseOwner() != null) {
            item.put("leaseOwner", AttributeValue.fromS(c.leaseOwner()));
        }
        item.put("leaseUntil", AttributeValue.fromS(c.leaseUntil().toString()));
        item.put("version", number(c.version()));
        return item;
    }

    private Checkpoint fromItem(Map<String, AttributeValue> item) {
        return new Checkpoint(item.get(MirrorItems.SK).s(), item.get("runId").s(), MirrorItems.text(item, "email"),
                MirrorItems.text(item, "phone"), item.get("fullResync").bool(), Integer.parseInt(item.get("nextOffset").n()),
                Instant.parse(item.get("startedAt").s()), read(item.get("tally").s()), MirrorItems.text(item, "leaseOwner"),
                Instant.parse(item.get("leaseUntil").s()), Long.parseLong(item.get("version").n()));
    }

    private String write(SyncSummary tally) {
        try {
            return json.writeValueAsString(tally);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SyncSummary read(String text) {
        try {
            return json.readValue(text, Argument.of(SyncSummary.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AttributeValue number(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }
}

package io.partnerlink.coupons;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.micronaut.context.ApplicationContext;
import io.partnerlink.testsupport.ShippedJar;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.partnerlink.testsupport.AwsCalls;
import io.partnerlink.testsupport.FunctionInvoker;
import io.partnerlink.testsupport.LocalAws;
import io.partnerlink.testsupport.TestClock;
import io.partnerlink.testsupport.TestLambdaContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One sync-coupons function wired to DynamoDB Local (its own tables, the coupons table with token-index as in
 * template.yaml), moto (the demo secret) and a partner URL: the real handler, invoked with event JSON.
 */
public final class SyncTestBed implements AutoCloseable {

    public static final String[] WRITE_OPERATIONS = {"PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems"};

    public final LocalAws aws = LocalAws.get();
    public final String couponsTable = "coupons-" + UUID.randomUUID();
    public final String idempotencyTable = "idem-" + UUID.randomUUID();
    public final String secretId = "ibonus/" + UUID.randomUUID();
    public final ApplicationContext context;
    /** The handler from target/classes, or from the shipped jar when {@link ShippedJar#selected()}. */
    public final RequestStreamHandler handler;
    public final TestClock clock;
    private final ObjectMapper json;

    public SyncTestBed(String partnerUrl, Map<String, String> extra) {
        createCouponsTable(couponsTable);
        aws.createIdempotencyTable(idempotencyTable);
        aws.putSecret(secretId, "{\"username\":\"demo\",\"password\":\"demo-password\"}");
        Map<String, Object> properties = new HashMap<>(Map.of(
                "idempotency.table", idempotencyTable,
                "coupons.table", couponsTable,
                "ibonus.base-url", partnerUrl,
                "ibonus.secret-id", secretId,
                "partner.retry.base-delay", "5ms",
                "partner.retry.max-attempts", "3",
                "coupons.sync.safety-margin", "5s"));
        properties.putAll(extra);
        context = ApplicationContext.builder().environments("test").properties(properties).start();
        handler = ShippedJar.selected() ? ShippedJar.handler(CouponSyncHandler.class, properties) : new CouponSyncHandler(context);
        clock = context.getBean(TestClock.class);
        json = context.getBean(ObjectMapper.class);
    }

    public static String scheduledEvent(String id) {
        return "{\"version\":\"0\",\"id\":\"" + id + "\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\","
                + "\"account\":\"123456789012\",\"time\":\"2025-03-01T10:15:00Z\",\"region\":\"eu-north-1\","
                + "\"resources\":[\"arn:aws:events:eu-north-1:123456789012:rule/SyncCouponsEvery15Minutes\"],\"detail\":{}}";
    }

    /** A scheduled run with a fresh event id and 60 s of Lambda time. */
    public SyncSummary run() {
        return invoke(scheduledEvent(UUID.randomUUID().toString()), new TestLambdaContext("SyncCouponsFunction", Duration.ofSeconds(60)));
    }

    public SyncSummary invoke(String event, Context lambda) {
        String out = FunctionInvoker.invoke(handler, event, lambda);
        try {
            return json.readValue(out, Argument.of(SyncSummary.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every coupon and balance item, by pk|sk (the run's bookkeeping, SYNC#..., and the clients' digest items left out). */
    public Map<String, Map<String, AttributeValue>> mirror() {
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        for (Map<String, AttributeValue> item : aws.scan(couponsTable)) {
            if (!item.get("pk").s().startsWith("SYNC#") && !item.get("sk").s().equals(MirrorItems.DIGEST_SK)) {
                items.put(item.get("pk").s() + "|" + item.get("sk").s(), item);
            }
        }
        return items;
    }

    /** The clients' digest items, by pk. */
    public Map<String, Map<String, AttributeValue>> digests() {
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        for (Map<String, AttributeValue> item : aws.scan(couponsTable)) {
            if (item.get("sk").s().equals(MirrorItems.DIGEST_SK)) {
                items.put(item.get("pk").s(), item);
            }
        }
        return items;
    }

    /** The client roster: client id to whether it is marked vanished. */
    public Map<Long, Boolean> roster() {
        Map<Long, Boolean> roster = new TreeMap<>();
        for (Map<String, AttributeValue> item : aws.scan(couponsTable)) {
            if (item.get("pk").s().equals(ClientRoster.PARTITION)) {
                roster.put(Long.parseLong(item.get("clientId").n()), item.containsKey(ClientRoster.ORPHANED_AT));
            }
        }
        return roster;
    }

    /** The saved lists of clients seen by unfinished runs (none once every run has ended). */
    public List<Map<String, AttributeValue>> listedChunks() {
        return aws.scan(couponsTable).stream().filter(i -> i.get("pk").s().equals(RunCheckpoints.PARTITION)
                && i.get("sk").s().startsWith(ListedClients.PREFIX)).toList();
    }

    public List<Map<String, AttributeValue>> checkpoints() {
        return aws.scan(couponsTable).stream().filter(i -> i.get("pk").s().equals(RunCheckpoints.PARTITION)
                && !i.get("sk").s().startsWith(ListedClients.PREFIX)).toList();
    }

    public static int writeCalls() {
        int n = 0;
        for (String operation : WRITE_OPERATIONS) {
            n += AwsCalls.count(operation);
        }
        return n;
    }

    public static void createCouponsTable(String name) {
        try (DynamoDbClient ddb = LocalAws.get().dynamoDb()) {
            ddb.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(string("pk"), string("sk"), string("token"))
                    .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("token-index")
                            .keySchema(key("token", KeyType.HASH))
                            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
        }
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    @Override
    public void close() {
        ShippedJar.close(handler, context);
    }
}

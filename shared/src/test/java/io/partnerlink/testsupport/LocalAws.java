package io.partnerlink.testsupport;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Real AWS APIs on loopback for tests: DynamoDB Local and moto's Secrets Manager, started once per test JVM
 * (see {@link DynamoDbLocal} and {@link MotoServer}) and stopped when it exits. The SDK finds them through its
 * own per-service endpoint settings, which this class sets as system properties.
 * <p>
 * Set {@code AWS_ENDPOINT_URL} (and credentials) in the environment to run the same tests against LocalStack
 * or a real account instead; nothing local is started then.
 */
public final class LocalAws {

    private static LocalAws instance;

    private final URI dynamoDbEndpoint;
    private final URI secretsManagerEndpoint;
    private final DynamoDbLocal dynamoDbLocal;

    private LocalAws(URI dynamoDb, URI secrets, DynamoDbLocal dynamoDbLocal) {
        this.dynamoDbEndpoint = dynamoDb;
        this.secretsManagerEndpoint = secrets;
        this.dynamoDbLocal = dynamoDbLocal;
    }

    public static synchronized LocalAws get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static LocalAws start() {
        String external = System.getenv("AWS_ENDPOINT_URL");
        if (external != null && !external.isBlank()) {
            return new LocalAws(URI.create(external), URI.create(external), null);
        }
        System.setProperty("aws.region", "eu-north-1");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        DynamoDbLocal dynamo = DynamoDbLocal.start();
        MotoServer moto = MotoServer.start();
        System.setProperty("aws.endpointUrlDynamoDb", dynamo.endpoint().toString());
        System.setProperty("aws.endpointUrlSecretsManager", moto.endpoint().toString());
        return new LocalAws(dynamo.endpoint(), moto.endpoint(), dynamo);
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    public URI secretsManagerEndpoint() {
        return secretsManagerEndpoint;
    }

    /** Stops DynamoDB Local (to prove what happens when the store is down); {@link #startDynamoDb()} brings it back. */
    public void stopDynamoDb() {
        dynamoDbLocal.stop();
    }

    public void startDynamoDb() {
        dynamoDbLocal.restart();
    }

    public DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().endpointOverride(dynamoDbEndpoint).region(Region.EU_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    public SecretsManagerClient secretsManager() {
        return SecretsManagerClient.builder().endpointOverride(secretsManagerEndpoint).region(Region.EU_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** A table with string partition key {@code id} and TTL on {@code expiration}, like the idempotency table. */
    public void createIdempotencyTable(String name) {
        createTable(name, "id", null, List.of());
    }

    /** Creates a table (on demand) unless it exists; {@code sortKey} may be null. */
    public void createTable(String name, String partitionKey, String sortKey, List<String> extraStringAttributes) {
        try (DynamoDbClient ddb = dynamoDb()) {
            var keys = new java.util.ArrayList<KeySchemaElement>();
            var attrs = new java.util.ArrayList<AttributeDefinition>();
            keys.add(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build());
            attrs.add(AttributeDefinition.builder().attributeName(partitionKey).attributeType(ScalarAttributeType.S).build());
            if (sortKey != null) {
                keys.add(KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
                attrs.add(AttributeDefinition.builder().attributeName(sortKey).attributeType(ScalarAttributeType.S).build());
            }
            for (String extra : extraStringAttributes) {
                attrs.add(AttributeDefinition.builder().attributeName(extra).attributeType(ScalarAttributeType.S).build());
            }
            ddb.createTable(r -> r.tableName(name).keySchema(keys).attributeDefinitions(attrs).billingMode(BillingMode.PAY_PER_REQUEST));
        } catch (ResourceInUseException alreadyThere) {
            // created by an earlier test in this JVM
        }
    }

    /** Creates the secret, or gives it a new value when it exists; its values are watched for in the logs. */
    public void putSecret(String id, String json) {
        watchValues(json);
        try (SecretsManagerClient sm = secretsManager()) {
            try {
                sm.createSecret(r -> r.name(id).secretString(json));
            } catch (ResourceExistsException exists) {
                sm.putSecretValue(r -> r.secretId(id).secretString(json));
            }
        }
    }

    /** Watches the secret parts of a secret (passwords, client secrets, keys, tokens), not user names or client ids. */
    private static void watchValues(String json) {
        try {
            io.micronaut.json.tree.JsonNode node = io.micronaut.serde.ObjectMapper.getDefault().readValue(json, io.micronaut.json.tree.JsonNode.class);
            if (node != null && node.isObject()) {
                for (var field : node.entries()) {
                    String name = field.getKey().toLowerCase(java.util.Locale.ROOT);
                    boolean secret = name.contains("password") || name.contains("secret") || name.contains("key") || name.contains("token");
                    if (secret && field.getValue().isString()) {
                        Leaks.watch(field.getValue().getStringValue());
                    }
                }
            }
        } catch (java.io.IOException notJson) {
            Leaks.watch(json);
        }
    }

    /** Every item of a table (for assertions). */
    public List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> scan(String table) {
        try (DynamoDbClient ddb = dynamoDb()) {
            return ddb.scanPaginator(r -> r.tableName(table).consistentRead(true)).items().stream().toList();
        }
    }
}

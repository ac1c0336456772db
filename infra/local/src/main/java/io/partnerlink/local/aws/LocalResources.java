package io.partnerlink.local.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerlink.local.Console;
import io.partnerlink.local.template.SecretSpec;
import io.partnerlink.local.template.TableSpec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the template's tables in DynamoDB Local (key schema, attribute types, indexes, TTL, stream) and its
 * secrets in moto, named as {@code !Ref} resolves locally, with the demo values of {@code secrets.json}.
 */
public final class LocalResources {

    private final URI dynamoDb;
    private final URI secretsManager;
    private final String region;

    public LocalResources(URI dynamoDb, URI secretsManager, String region) {
        this.dynamoDb = dynamoDb;
        this.secretsManager = secretsManager;
        this.region = region;
    }

    public DynamoDbClient dynamoDbClient() {
        return DynamoDbClient.builder().endpointOverride(dynamoDb).region(Region.of(region))
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    public SecretsManagerClient secretsManagerClient() {
        return SecretsManagerClient.builder().endpointOverride(secretsManager).region(Region.of(region))
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }

    /** Creates what is missing (an external endpoint may have them from init.sh); answers what it did, for the log. */
    public String createTables(List<TableSpec> tables) {
        List<String> done = new ArrayList<>();
        try (DynamoDbClient ddb = dynamoDbClient()) {
            for (TableSpec table : tables) {
                try {
                    ddb.createTable(createRequest(table));
                    done.add(table.name() + " created");
                } catch (ResourceInUseException exists) {
                    done.add(table.name() + " exists");
                    continue;
                }
                if (table.ttlAttribute() != null) {
                    ddb.updateTimeToLive(r -> r.tableName(table.name())
                            .timeToLiveSpecification(t -> t.attributeName(table.ttlAttribute()).enabled(true)));
                }
            }
        }
        return String.join(", ", done);
    }

    static CreateTableRequest createRequest(TableSpec table) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table.name())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(table.attributes().stream()
                        .map(a -> AttributeDefinition.builder().attributeName(a.name()).attributeType(a.type()).build()).toList())
                .keySchema(keys(table.keySchema()));
        if (!table.globalIndexes().isEmpty()) {
            request.globalSecondaryIndexes(table.globalIndexes().stream().map(i -> GlobalSecondaryIndex.builder()
                    .indexName(i.name()).keySchema(keys(i.keySchema())).projection(projection(i)).build()).toList());
        }
        if (!table.localIndexes().isEmpty()) {
            request.localSecondaryIndexes(table.localIndexes().stream().map(i -> LocalSecondaryIndex.builder()
                    .indexName(i.name()).keySchema(keys(i.keySchema())).projection(projection(i)).build()).toList());
        }
        if (table.streamViewType() != null) {
            request.streamSpecification(s -> s.streamEnabled(true).streamViewType(table.streamViewType()));
        }
        return request.build();
    }

    private static List<KeySchemaElement> keys(List<TableSpec.Key> keys) {
        return keys.stream().map(k -> KeySchemaElement.builder().attributeName(k.name()).keyType(k.type()).build()).toList();
    }

    private static Projection projection(TableSpec.Index index) {
        Projection.Builder projection = Projection.builder().projectionType(index.projectionType());
        if (!index.nonKeyAttributes().isEmpty()) {
            projection.nonKeyAttributes(index.nonKeyAttributes());
        }
        return projection.build();
    }

    /** {@code demoValues} is secrets.json: secret logical ids to their (JSON) values. Existing secrets are kept. */
    public String createSecrets(List<SecretSpec> secrets, JsonNode demoValues, ObjectMapper json) throws Exception {
        List<String> done = new ArrayList<>();
        try (SecretsManagerClient sm = secretsManagerClient()) {
            for (SecretSpec secret : secrets) {
                JsonNode value = demoValues.get(secret.logicalId());
                if (value == null) {
                    Console.warn("secrets.json has no demo value for " + secret.logicalId() + "; it holds {}");
                }
                String text = value == null ? "{}" : value.isTextual() ? value.asText() : json.writeValueAsString(value);
                try {
                    sm.createSecret(r -> r.name(secret.name()).secretString(text)
                            .description("local demo value from infra/local/secrets.json"));
                    done.add(secret.name() + " created");
                } catch (ResourceExistsException exists) {
                    done.add(secret.name() + " exists");
                }
            }
        }
        return String.join(", ", done);
    }
}

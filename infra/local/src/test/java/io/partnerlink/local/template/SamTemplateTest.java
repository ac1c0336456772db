package io.partnerlink.local.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the real template.yaml (short-form tags included) and the intrinsic functions the runner resolves. */
class SamTemplateTest {

    static final Path ROOT = Path.of(System.getProperty("partnerlink.root", "../..")).toAbsolutePath().normalize();

    @Test
    void theRealTemplateYieldsItsTablesSecretsFunctionsAndRoutes() throws Exception {
        SamTemplate template = SamTemplate.load(ROOT.resolve("template.yaml"), "eu-north-1");

        assertEquals(List.of(), template.warnings());
        TableSpec idempotency = template.tables().get(0);
        assertEquals("IdempotencyTable", idempotency.name());
        assertEquals(List.of(new TableSpec.Key("id", "HASH")), idempotency.keySchema());
        assertEquals("expiration", idempotency.ttlAttribute());
        TableSpec coupons = template.tables().get(1);
        assertEquals(List.of(new TableSpec.Key("pk", "HASH"), new TableSpec.Key("sk", "RANGE")), coupons.keySchema());
        assertEquals(3, coupons.attributes().size());
        assertEquals("token-index", coupons.globalIndexes().get(0).name());
        assertEquals("ALL", coupons.globalIndexes().get(0).projectionType());
        assertNull(coupons.ttlAttribute());
        assertEquals(List.of("VektorSecret", "IbonusSecret", "ArtSecret", "VitecSecret", "WebhookSigningSecret"),
                template.secrets().stream().map(SecretSpec::name).toList());

        FunctionSpec renew = template.function("RenewDomainFunction");
        assertEquals("io.partnerlink.renewal.RenewDomainHandler", renew.handlerClass());
        assertEquals(ROOT.resolve("functions/renew-domain/target/renew-domain-lambda.jar"), renew.code());
        assertEquals(300, renew.timeoutSeconds());
        assertEquals(512, renew.memoryMb());
        assertEquals("IdempotencyTable", renew.environment().get("IDEMPOTENCY_TABLE"), "Globals apply, !Ref is the table name");
        assertEquals("ArtSecret", renew.environment().get("ART_SECRET_ID"));
        assertEquals("30", renew.environment().get("RENEWAL_WINDOW_DAYS"), "!Ref to a parameter is its default");
        assertEquals("https://services.art.art/api/v2", renew.environment().get("ART_BASE_URL"));
        assertEquals(List.of("POST /domains/{domain}/renewals"), renew.routes().stream().map(HttpRoute::routeKey).toList());
        assertEquals(List.of("Schedule cron(15 3 * * ? *)"), renew.otherEvents());
        assertEquals(List.of("POST /gift-orders", "GET /gift-certificates", "POST /vitec/order-tokens",
                "POST /domains/{domain}/renewals"), template.routes().stream().map(HttpRoute::routeKey).toList());
    }

    @Test
    void intrinsicFunctionsResolveToLocalValues(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.yaml"), """
                Parameters:
                  Stage: {Type: String, Default: dev}
                  Empty: {Type: String, Default: ""}
                Conditions:
                  IsDev: !Equals [!Ref Stage, dev]
                  HasEmpty: !Not [!Equals [!Ref Empty, ""]]
                Mappings:
                  Sizes: {dev: {memory: 256}}
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties: {QueueName: my-queue}
                  Store:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub "store-${Stage}"
                      AttributeDefinitions: [{AttributeName: k, AttributeType: S}]
                      KeySchema: [{AttributeName: k, KeyType: HASH}]
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: build/fn.jar
                      Handler: a.B
                      MemorySize: !FindInMap [Sizes, !Ref Stage, memory]
                      Environment:
                        Variables:
                          TABLE: !Ref Store
                          TABLE_ARN: !GetAtt Store.Arn
                          QUEUE_ARN: !GetAtt [Queue, Arn]
                          SUB: !Sub ["${Name}@${AWS::Region}/${Store}/${Queue.QueueName}", {Name: !Ref Stage}]
                          JOINED: !Join ["-", [a, !Ref Stage, !Select [1, !Split [",", "x,y,z"]]]]
                          CHOSEN: !If [IsDev, yes-dev, not-dev]
                          NOT_EMPTY: !If [HasEmpty, set, unset]
                          LITERAL: !Sub "${!NotAVariable}"
                          GONE: !If [IsDev, !Ref "AWS::NoValue", here]
                """);
        SamTemplate template = SamTemplate.load(dir.resolve("t.yaml"), "eu-west-1");
        FunctionSpec fn = template.function("Fn");
        Map<String, String> env = fn.environment();

        assertEquals("store-dev", template.tables().get(0).name());
        assertEquals("store-dev", env.get("TABLE"));
        assertEquals("arn:aws:dynamodb:eu-west-1:123456789012:table/store-dev", env.get("TABLE_ARN"));
        assertEquals("arn:aws:sqs:eu-west-1:123456789012:my-queue", env.get("QUEUE_ARN"));
        assertEquals("dev@eu-west-1/store-dev/my-queue", env.get("SUB"));
        assertEquals("a-dev-y", env.get("JOINED"));
        assertEquals("yes-dev", env.get("CHOSEN"));
        assertEquals("unset", env.get("NOT_EMPTY"));
        assertEquals("${NotAVariable}", env.get("LITERAL"));
        assertEquals("", env.get("GONE"));
        assertEquals(256, fn.memoryMb());
        assertEquals(3, fn.timeoutSeconds(), "Lambda's default timeout");
        assertEquals(dir.resolve("build/fn.jar"), fn.code());
        assertTrue(template.warnings().isEmpty(), template.warnings().toString());
    }
}

package io.partnerlink.local.function;

import java.net.URI;
import java.util.Map;

/** Where the local stand-ins listen: DynamoDB Local, moto (Secrets Manager and any other AWS API) and one sandbox per partner. */
public record LocalEndpoints(URI dynamoDb, URI moto, Map<String, URI> sandboxes, String region) {
}

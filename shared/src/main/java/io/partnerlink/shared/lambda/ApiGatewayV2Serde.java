package io.partnerlink.shared.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.serde.annotation.SerdeImport;

/**
 * Serde for the only AWS event types the functions decode: the HTTP API (payload 2.0) event and answer, the same
 * imports micronaut-aws-lambda-events-serde declares for them. That module imports all ~100 AWS event types, and
 * their introspections were loaded on every cold start (bench/README.md: about 370 classes before the first
 * response, 3 MB of the shaded jar with the serializer it brings along).
 */
@SerdeImport(APIGatewayV2HTTPEvent.class)
@SerdeImport(APIGatewayV2HTTPEvent.RequestContext.class)
@SerdeImport(APIGatewayV2HTTPEvent.RequestContext.Http.class)
@SerdeImport(APIGatewayV2HTTPEvent.RequestContext.Authorizer.class)
@SerdeImport(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.class)
@SerdeImport(APIGatewayV2HTTPEvent.RequestContext.IAM.class)
@SerdeImport(APIGatewayV2HTTPEvent.RequestContext.CognitoIdentity.class)
@SerdeImport(APIGatewayV2HTTPResponse.class)
final class ApiGatewayV2Serde {

    private ApiGatewayV2Serde() {
    }
}

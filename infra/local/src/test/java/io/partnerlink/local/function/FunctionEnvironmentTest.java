package io.partnerlink.local.function;

import io.partnerlink.local.template.FunctionSpec;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class FunctionEnvironmentTest {

    private final LocalEndpoints endpoints = new LocalEndpoints(URI.create("http://127.0.0.1:3001"),
            URI.create("http://127.0.0.1:3002"),
            Map.of("art", URI.create("http://127.0.0.1:3010"), "vektor", URI.create("http://127.0.0.1:3012")), "eu-north-1");

    private final FunctionSpec spec = new FunctionSpec("RenewDomainFunction", "RenewDomainFunction", Path.of("x.jar"),
            "io.partnerlink.renewal.RenewDomainHandler::handleRequest", "java21", 512, 300,
            Map.of("ART_BASE_URL", "https://services.art.art/api/v2", "VEKTOR_BASE_URL", "https://api.vektor-adv.com",
                    "ART_SECRET_ID", "ArtSecret", "LOG_LEVEL", "INFO"),
            List.of(), List.of());

    @Test
    void partnerUrlsPointAtTheSandboxesKeepingTheProductionPath() {
        Map<String, String> env = FunctionEnvironment.of(spec, endpoints, Map.of());
        assertEquals("http://127.0.0.1:3010/api/v2", env.get("ART_BASE_URL"));
        assertEquals("http://127.0.0.1:3012", env.get("VEKTOR_BASE_URL"));
        assertEquals("ArtSecret", env.get("ART_SECRET_ID"));
    }

    @Test
    void awsApisGoToTheEmulatorsAndLambdaVariablesAreSet() {
        Map<String, String> env = FunctionEnvironment.of(spec, endpoints, Map.of());
        assertEquals("http://127.0.0.1:3001", env.get("AWS_ENDPOINT_URL_DYNAMODB"));
        assertEquals("http://127.0.0.1:3002", env.get("AWS_ENDPOINT_URL_SECRETS_MANAGER"));
        assertEquals("http://127.0.0.1:3002", env.get("AWS_ENDPOINT_URL"));
        assertEquals("eu-north-1", env.get("AWS_REGION"));
        assertEquals("RenewDomainFunction", env.get("AWS_LAMBDA_FUNCTION_NAME"));
        assertEquals("512", env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
        assertFalse(env.containsKey("AWS_PROFILE"));
    }

    @Test
    void envVarsOverridesWinLikeSamLocal() {
        Map<String, String> env = FunctionEnvironment.of(spec, endpoints, Map.of("LOG_LEVEL", "DEBUG"));
        assertEquals("DEBUG", env.get("LOG_LEVEL"));
    }

    @Test
    void theSandboxIsTheLowerCasePartnerPrefix() {
        assertEquals(Optional.of("vektor"), FunctionEnvironment.partnerOf("VEKTOR_BASE_URL"));
        assertEquals(Optional.of("ibonus"), FunctionEnvironment.partnerOf("IBONUS_BASE_URL"));
        assertEquals(Optional.empty(), FunctionEnvironment.partnerOf("VEKTOR_SECRET_ID"));
        assertEquals(Optional.empty(), FunctionEnvironment.partnerOf("BASE_URL"));
    }
}

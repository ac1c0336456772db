package io.partnerlink.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerlink.local.function.FunctionEnvironment;
import io.partnerlink.local.sandbox.PartnerSandboxes;
import io.partnerlink.local.template.FunctionSpec;
import io.partnerlink.local.template.SamTemplate;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * infra/env.json (for {@code sam local --env-vars}) cannot drift from template.yaml: sam only overrides variables
 * the template declares, and the sandbox ports must be the ones infra/local/start gives each partner.
 */
class EnvJsonTest {

    @Test
    void envJsonMatchesTheTemplateAndTheSandboxPorts() throws Exception {
        SamTemplate template = SamTemplate.load(LocalRunnerTest.ROOT.resolve("template.yaml"), "eu-north-1");
        Map<String, Map<String, String>> env = new ObjectMapper().readValue(
                LocalRunnerTest.ROOT.resolve("infra/env.json").toFile(), new TypeReference<>() { });
        List<String> partners = PartnerSandboxes.partners(LocalRunnerTest.ROOT.resolve("infra/local/sandboxes"),
                template.functions().stream().flatMap(f -> f.environment().keySet().stream())
                        .flatMap(v -> FunctionEnvironment.partnerOf(v).stream()).toList());

        for (FunctionSpec function : template.functions()) {
            assertTrue(env.containsKey(function.logicalId()), "env.json has " + function.logicalId());
        }
        env.forEach((function, variables) -> {
            if (function.equals("Parameters")) {
                return;
            }
            FunctionSpec spec = template.function(function);
            assertNotNull(spec, function + " is a function of template.yaml");
            variables.forEach((name, value) -> {
                assertTrue(spec.environment().containsKey(name), function + " declares " + name + " (else sam ignores it)");
                FunctionEnvironment.partnerOf(name).ifPresent(partner -> {
                    int port = 3000 + RunnerOptions.SANDBOX_OFFSET + partners.indexOf(partner);
                    assertEquals(port, URI.create(value).getPort(), name + " points at the " + partner + " sandbox");
                    assertEquals(URI.create(spec.environment().get(name)).getRawPath(), URI.create(value).getRawPath(),
                            name + " keeps the production path");
                });
            });
        });
    }
}

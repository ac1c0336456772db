package io.partnerlink.shared.secrets;

import io.micronaut.context.ApplicationContext;
import io.partnerlink.testsupport.AwsCalls;
import io.partnerlink.testsupport.LocalAws;
import io.partnerlink.testsupport.LogCapture;
import io.partnerlink.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Secrets against moto's Secrets Manager: caching, max age, refresh on demand, and clear errors. */
class PartnerSecretsTest {

    private final LocalAws aws = LocalAws.get();
    private ApplicationContext context;
    private PartnerSecrets secrets;
    private TestClock clock;
    private final String id = "vektor/" + UUID.randomUUID();

    @BeforeEach
    void start() {
        context = ApplicationContext.builder().environments("test").properties(Map.of("secrets.max-age", "5m")).start();
        secrets = context.getBean(PartnerSecrets.class);
        clock = context.getBean(TestClock.class);
        aws.putSecret(id, "{\"clientId\":\"shop-1\",\"clientSecret\":\"s3cr3t-value-1\"}");
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void readsTheSecretAsItsPartnersRecordAndCachesIt() {
        int before = AwsCalls.count("GetSecretValue");
        for (int i = 0; i < 20; i++) {
            ClientCredentials credentials = secrets.read(id, ClientCredentials.class);
            assertEquals("shop-1", credentials.clientId());
            assertEquals("s3cr3t-value-1", credentials.clientSecret());
        }
        assertEquals(1, AwsCalls.count("GetSecretValue") - before);
    }

    @Test
    void concurrentFirstReadsFetchOnce() throws Exception {
        int before = AwsCalls.count("GetSecretValue");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<String>> reads = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                reads.add(() -> secrets.read(id, ClientCredentials.class).clientSecret());
            }
            for (Future<String> f : pool.invokeAll(reads)) {
                assertEquals("s3cr3t-value-1", f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, AwsCalls.count("GetSecretValue") - before);
    }

    @Test
    void keepsTheCachedValueUntilMaxAgeThenRereads() {
        secrets.read(id, ClientCredentials.class);
        aws.putSecret(id, "{\"clientId\":\"shop-1\",\"clientSecret\":\"rotated-2\"}");
        clock.advance(Duration.ofMinutes(4));
        assertEquals("s3cr3t-value-1", secrets.read(id, ClientCredentials.class).clientSecret());
        clock.advance(Duration.ofMinutes(2));
        assertEquals("rotated-2", secrets.read(id, ClientCredentials.class).clientSecret());
    }

    @Test
    void rereadsOnDemandAfterAPartnerRefusesTheCredentials() {
        secrets.read(id, ClientCredentials.class);
        aws.putSecret(id, "{\"clientId\":\"shop-1\",\"clientSecret\":\"rotated-3\"}");
        secrets.refresh(id);
        assertEquals("rotated-3", secrets.read(id, ClientCredentials.class).clientSecret());
    }

    @Test
    void aMissingSecretIsNamed() {
        SecretNotFoundException e = assertThrows(SecretNotFoundException.class,
                () -> secrets.read("no/such-secret", ClientCredentials.class));
        assertTrue(e.getMessage().contains("no/such-secret"), e.getMessage());
    }

    @Test
    void aMissingFieldIsNamedAndNoValueIsShown() {
        aws.putSecret(id, "{\"clientId\":\"shop-1\",\"clientSecrt\":\"typo-value-9\"}");
        SecretMalformedException e = assertThrows(SecretMalformedException.class, () -> secrets.read(id, ClientCredentials.class));
        assertEquals("clientSecret", e.field());
        assertTrue(e.getMessage().contains(id) && e.getMessage().contains("clientSecret"), e.getMessage());
        assertFalse(e.getMessage().contains("typo-value-9"), e.getMessage());
    }

    @Test
    void aSecretThatIsNotJsonIsRefusedWithoutQuotingIt() {
        aws.putSecret(id, "not json at all: hunter2");
        SecretMalformedException e = assertThrows(SecretMalformedException.class, () -> secrets.read(id, BasicCredentials.class));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void secretValuesNeverReachTheLog() {
        try (LogCapture logs = LogCapture.attach()) {
            ClientCredentials credentials = secrets.read(id, ClientCredentials.class);
            org.slf4j.LoggerFactory.getLogger(getClass()).info("Using {}", credentials);
            secrets.refresh(id);
            aws.putSecret(id, "{\"clientId\":\"shop-1\"}");
            assertThrows(SecretMalformedException.class, () -> secrets.read(id, ClientCredentials.class));
            assertFalse(logs.linesContaining("will be read again").isEmpty(), "the capture sees formatted messages");
            assertFalse(logs.linesContaining("shop-1").isEmpty(), "non-secret fields are logged");
            assertEquals(List.of(), logs.linesContaining("s3cr3t-value-1"));
        }
    }
}

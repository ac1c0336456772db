package io.partnerlink.local.auth;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.net.http.HttpRequest;

/** Requests to the local runner signed by the AWS SDK's SigV4 signer as the banner's demo caller. */
public final class DemoCallerRequests {

    private DemoCallerRequests() {
    }

    /** A GET of {@code url}, signed for execute-api in {@code region}; the JDK client sets the signed Host itself. */
    public static HttpRequest.Builder get(URI url, String region) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(url).build();
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(LocalCallers.DEMO_ACCESS_KEY, LocalCallers.DEMO_SECRET_KEY))
                .request(request).payload(ContentStreamProvider.fromByteArray(new byte[0]))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SigV4Verifier.SERVICE)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpRequest.Builder builder = HttpRequest.newBuilder(url);
        signed.request().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.GET();
    }
}

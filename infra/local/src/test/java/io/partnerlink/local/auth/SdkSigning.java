package io.partnerlink.local.auth;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Requests signed by the AWS SDK's own SigV4 signer, so the verifier is checked against someone else's signing. */
record SdkSigning(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers, byte[] body) {

    static final String HOST = "127.0.0.1:4100";

    static SdkSigning sign(String method, String pathAndQuery, Map<String, String> headers, byte[] body, String accessKey,
                           String secretKey, String region, String service, Instant at) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method))
                .uri(URI.create("http://" + HOST + pathAndQuery));
        headers.forEach(request::putHeader);
        var signed = AwsV4HttpSigner.create().sign(r -> r.identity(AwsCredentialsIdentity.create(accessKey, secretKey))
                .request(request.build()).payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
        List<Map.Entry<String, String>> out = new ArrayList<>();
        signed.request().forEachHeader((name, values) -> values.forEach(v -> out.add(Map.entry(name, v))));
        if (out.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("host"))) {
            out.add(Map.entry("Host", HOST));
        }
        return new SdkSigning(method, signed.request().encodedPath(), signed.request().encodedQueryParameters().orElse(null), out, body);
    }

    SdkSigning withHeader(String name, String value) {
        List<Map.Entry<String, String>> out = new ArrayList<>(headers.stream().filter(h -> !h.getKey().equalsIgnoreCase(name)).toList());
        if (value != null) {
            out.add(Map.entry(name, value));
        }
        return new SdkSigning(method, rawPath, rawQuery, out, body);
    }

    SdkSigning withBody(byte[] other) {
        return new SdkSigning(method, rawPath, rawQuery, headers, other);
    }

    String header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    Verdict verifyWith(SigV4Verifier verifier, Instant now) {
        return verifier.verify(method, rawPath, rawQuery, headers, body, now);
    }
}

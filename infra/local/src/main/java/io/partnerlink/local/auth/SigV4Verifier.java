package io.partnerlink.local.auth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies AWS Signature Version 4 the way API Gateway's IAM authorization does: algorithm
 * {@code AWS4-HMAC-SHA256}, credential scope {@code <key>/<yyyyMMdd>/<region>/execute-api/aws4_request} for this
 * runner's region, {@code x-amz-date} signed, present, of the scope's day and within 15 minutes of now,
 * {@code host} signed, and the signature over the canonical request including the body's SHA-256.
 * Hand-written: the AWS SDK (and every library on this registry) only signs; none verifies. The tests sign with the
 * SDK's own signer and with curl's {@code --aws-sigv4}, so both sides of the algorithm are someone else's.
 */
public final class SigV4Verifier {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String SERVICE = "execute-api";
    /** API Gateway refuses headers beyond 10 KiB; the verifier reads no further than that. */
    static final int MAX_HEADER = 10 * 1024;
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([A-Za-z0-9]{1,128})/([0-9]{8})/([a-z0-9-]{1,32})/([a-z0-9-]{1,32})/aws4_request,"
                    + " ?SignedHeaders=([a-z0-9;_.-]{1,2048}), ?Signature=([0-9a-f]{64})");

    private final LocalCallers callers;
    private final String region;

    public SigV4Verifier(LocalCallers callers, String region) {
        this.callers = callers;
        this.region = region;
    }

    public Verdict verify(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
                          byte[] body, Instant now) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : headers) {
            if (header.getValue().length() > MAX_HEADER) {
                return Verdict.forbidden("header " + header.getKey() + " is longer than " + MAX_HEADER);
            }
            byName.merge(header.getKey().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + "," + b);
        }
        String authorization = byName.get("authorization");
        if (authorization == null || authorization.isBlank()) {
            return Verdict.unauthorized("no Authorization header");
        }
        Matcher m = AUTHORIZATION.matcher(authorization.trim());
        if (!m.matches()) {
            return Verdict.forbidden("Authorization is not an AWS4-HMAC-SHA256 signature");
        }
        String accessKey = m.group(1);
        String day = m.group(2);
        String signedRegion = m.group(3);
        String service = m.group(4);
        List<String> signedHeaders = List.of(m.group(5).split(";", -1));
        if (!service.equals(SERVICE)) {
            return Verdict.forbidden("signed for service " + service + ", not " + SERVICE);
        }
        if (!signedRegion.equals(region)) {
            return Verdict.forbidden("signed for region " + signedRegion + ", not " + region);
        }
        if (!signedHeaders.contains("host") || !signedHeaders.contains("x-amz-date")
                || !signedHeaders.equals(signedHeaders.stream().sorted().distinct().toList())) {
            return Verdict.forbidden("SignedHeaders must list host and x-amz-date, sorted, once each");
        }
        for (String name : signedHeaders) {
            if (!byName.containsKey(name)) {
                return Verdict.forbidden("signed header " + name + " is not in the request");
            }
        }
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(byName.get("x-amz-date"), AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return Verdict.forbidden("x-amz-date is not yyyyMMddTHHmmssZ");
        }
        if (!byName.get("x-amz-date").startsWith(day)) {
            return Verdict.forbidden("the credential scope's date is not x-amz-date's day");
        }
        if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
            return Verdict.forbidden("x-amz-date is more than 15 minutes from now");
        }
        LocalCallers.Credential caller = callers.find(accessKey);
        if (caller == null) {
            return Verdict.forbidden("unknown access key");
        }
        String scope = day + "/" + region + "/" + SERVICE + "/aws4_request";
        String canonical = method + "\n" + canonicalPath(rawPath) + "\n" + canonicalQuery(rawQuery) + "\n"
                + canonicalHeaders(signedHeaders, byName) + "\n" + String.join(";", signedHeaders) + "\n" + hex(sha256(body));
        String toSign = ALGORITHM + "\n" + byName.get("x-amz-date") + "\n" + scope + "\n"
                + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + caller.secretKey()).getBytes(StandardCharsets.UTF_8), day);
        for (String part : List.of(region, SERVICE, "aws4_request")) {
            key = hmac(key, part);
        }
        byte[] expected = hmac(key, toSign);
        if (!MessageDigest.isEqual(expected, HexFormat.of().parseHex(m.group(6)))) {
            return Verdict.forbidden("the signature does not match");
        }
        return Verdict.allow(context(caller));
    }

    /** {@code requestContext.authorizer} as API Gateway fills it for an IAM user. */
    static ObjectNode context(LocalCallers.Credential caller) {
        ObjectNode authorizer = JsonNodeFactory.instance.objectNode();
        ObjectNode iam = authorizer.putObject("iam");
        iam.put("accessKey", caller.accessKey());
        iam.put("accountId", LocalCallers.ACCOUNT_ID);
        iam.put("callerId", "AIDALOCAL" + caller.accessKey());
        iam.putNull("cognitoIdentity");
        iam.putNull("principalOrgId");
        iam.put("userArn", caller.userArn());
        iam.put("userId", "AIDALOCAL" + caller.accessKey());
        return authorizer;
    }

    /** Every service but S3 removes dot segments and encodes the (already encoded) path once more, segment by segment. */
    static String canonicalPath(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        String rawPath;
        try {
            rawPath = java.net.URI.create(path).normalize().getRawPath();
        } catch (IllegalArgumentException notAUri) {
            rawPath = path;
        }
        if (rawPath.endsWith("/") && !path.endsWith("/")) {
            // "/a/." normalizes to "/a/"; the AWS SDK signs it as "/a" (found by SigV4VerifierProperties).
            rawPath = rawPath.substring(0, rawPath.length() - 1);
        }
        if (rawPath.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder();
        for (String segment : rawPath.split("/", -1)) {
            out.append(out.isEmpty() && segment.isEmpty() ? "" : "/").append(encode(segment));
        }
        return rawPath.startsWith("/") ? out.toString() : "/" + out;
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = encode(decode(eq < 0 ? pair : pair.substring(0, eq)));
            String value = eq < 0 ? "" : encode(decode(pair.substring(eq + 1)));
            sorted.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        List<String> parts = new ArrayList<>();
        sorted.forEach((name, values) -> values.stream().sorted().forEach(v -> parts.add(name + "=" + v)));
        return String.join("&", parts);
    }

    private static String canonicalHeaders(List<String> names, Map<String, String> headers) {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            out.append(name).append(':').append(headers.get(name).trim().replaceAll(" +", " ")).append('\n');
        }
        return out.toString();
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters, as SigV4 requires. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%20"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}

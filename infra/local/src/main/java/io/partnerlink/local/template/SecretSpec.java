package io.partnerlink.local.template;

/** An {@code AWS::SecretsManager::Secret}; {@code name} is what {@code !Ref} resolves to locally. */
public record SecretSpec(String logicalId, String name) {
}

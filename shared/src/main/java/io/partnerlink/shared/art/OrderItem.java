package io.partnerlink.shared.art;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One item of {@code POST /store/orders}, one record per documented {@code service_type}. Every item is a
 * closed object on the partner's side, so each record carries exactly the fields of its shape: no
 * {@code quantity} anywhere, {@code period} only in a renewal, {@code artwork} an object or an id string.
 * Required fields are always sent, even empty (the promo code in particular).
 */
@Serdeable
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "service_type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = OrderItem.CertificateRegistration.class, name = "certificate_registration"),
        @JsonSubTypes.Type(value = OrderItem.CertificateRenewal.class, name = "certificate_renewal"),
        @JsonSubTypes.Type(value = OrderItem.DomainReserve.class, name = "domain_reserve"),
        @JsonSubTypes.Type(value = OrderItem.NftMinting.class, name = "nft_minting"),
        @JsonSubTypes.Type(value = OrderItem.DomainAttachment.class, name = "domain_attachment")})
public sealed interface OrderItem {

    String domain();

    /** Registers a domain; {@code artwork} optional. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CertificateRegistration(String domain, String promo, OrderContact contact,
                                   @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) Artwork artwork) implements OrderItem {
    }

    /** Renews a domain for {@code period} months (at most the domain's {@code max_renew}). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CertificateRenewal(String domain, String promo, int period, OrderContact contact) implements OrderItem {
    }

    /** Reserves a name; {@code artwork} optional. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DomainReserve(String domain, String promo, OrderContact contact,
                         @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) Artwork artwork) implements OrderItem {
    }

    /** Mints an NFT to an Ethereum {@code wallet}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record NftMinting(String domain, String promo, String wallet, OrderContact contact) implements OrderItem {
    }

    /** Attaches the domain to an existing art object, named by its id ({@code artwork} is a string here). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DomainAttachment(String domain, String promo, OrderContact contact, String artwork) implements OrderItem {
    }
}

package io.partnerlink.shared.art;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.client.ServiceHttpClientConfiguration;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.List;

/**
 * Lets {@code ART_BASE_URL} be the documented base URL, path included ({@code https://services.art.art/api/v2}).
 * Micronaut's service clients resolve a method path like {@code /auth/token} against the host and drop the URL's
 * own path; they keep a separate context path. This moves the path of the {@code art} service URL there.
 */
@Singleton
public class ArtBaseUrl implements BeanCreatedEventListener<ServiceHttpClientConfiguration> {

    @Override
    public ServiceHttpClientConfiguration onCreated(BeanCreatedEvent<ServiceHttpClientConfiguration> event) {
        ServiceHttpClientConfiguration config = event.getBean();
        if (!ArtErrors.PARTNER.equals(config.getServiceId()) || config.getPath().isPresent() || config.getUrls().size() != 1) {
            return config;
        }
        URI url = config.getUrls().get(0);
        String path = url.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return config;
        }
        config.setUrls(List.of(URI.create(url.getScheme() + "://" + url.getRawAuthority())));
        config.setPath(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        return config;
    }
}

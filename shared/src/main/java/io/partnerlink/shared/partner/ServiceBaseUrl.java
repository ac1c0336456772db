package io.partnerlink.shared.partner;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.client.ServiceHttpClientConfiguration;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.List;

/**
 * Lets every partner's base URL carry a path ({@code ART_BASE_URL=https://services.art.art/api/v2},
 * {@code VEKTOR_BASE_URL=https://gateway.example/vektor}). Micronaut's service clients resolve a method path like
 * {@code /auth/token} against the host and drop the URL's own path; they keep a separate context path. This moves
 * the path of a service URL ({@code micronaut.http.services.<id>.url}) there, unless a {@code path} is set.
 */
@Singleton
public class ServiceBaseUrl implements BeanCreatedEventListener<ServiceHttpClientConfiguration> {

    @Override
    public ServiceHttpClientConfiguration onCreated(BeanCreatedEvent<ServiceHttpClientConfiguration> event) {
        ServiceHttpClientConfiguration config = event.getBean();
        if (config.getPath().isPresent() || config.getUrls().size() != 1) {
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

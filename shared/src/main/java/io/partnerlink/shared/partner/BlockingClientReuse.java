package io.partnerlink.shared.partner;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Primary;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.HttpClientConfiguration;
import io.micronaut.http.client.HttpClientRegistry;
import io.micronaut.http.client.HttpVersionSelection;
import io.micronaut.http.client.LoadBalancer;
import io.micronaut.http.client.jdk.DefaultJdkHttpClientRegistry;
import io.micronaut.inject.InjectionPoint;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the declarative partner clients reuse one blocking client each. In Micronaut 4.10's JDK client,
 * {@code toBlocking()} builds a new {@code java.net.http.HttpClient} (selector thread, connection pool, TLS
 * context) on every call, and the declarative advice calls it on every blocking method call: every partner call
 * opened a new connection (measured by bench/run: 2,014 JDK clients in one 500-client coupon sync; a warm gift order
 * took 1.6x its raw calls). This registry hands the advice the same clients, each remembering its blocking view.
 */
@Primary
@Singleton
public class BlockingClientReuse implements HttpClientRegistry<HttpClient>, AutoCloseable {

    private final DefaultJdkHttpClientRegistry registry;
    private final Map<HttpClient, ReusingClient> clients = new ConcurrentHashMap<>();

    public BlockingClientReuse(DefaultJdkHttpClientRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HttpClient getClient(AnnotationMetadata annotationMetadata) {
        return reusing(registry.getClient(annotationMetadata));
    }

    @Override
    public HttpClient getClient(HttpVersionSelection httpVersion, String clientId, String path) {
        return reusing(registry.getClient(httpVersion, clientId, path));
    }

    @Override
    public HttpClient resolveClient(InjectionPoint<?> injectionPoint, LoadBalancer loadBalancer,
                                    HttpClientConfiguration configuration, BeanContext beanContext) {
        return reusing(registry.resolveClient(injectionPoint, loadBalancer, configuration, beanContext));
    }

    @Override
    public void disposeClient(AnnotationMetadata annotationMetadata) {
        ReusingClient gone = clients.remove(registry.getClient(annotationMetadata));
        if (gone != null) {
            gone.closeBlocking();
        }
        registry.disposeClient(annotationMetadata);
    }

    @Override
    public void close() {
        clients.values().forEach(ReusingClient::closeBlocking);
        clients.clear();
    }

    private HttpClient reusing(HttpClient client) {
        return clients.computeIfAbsent(client, ReusingClient::new);
    }

    /** The registry's client, with its blocking view built once. */
    static final class ReusingClient implements HttpClient {

        private final HttpClient client;
        private volatile BlockingHttpClient blocking;

        ReusingClient(HttpClient client) {
            this.client = client;
        }

        @Override
        public BlockingHttpClient toBlocking() {
            BlockingHttpClient view = blocking;
            if (view == null) {
                synchronized (this) {
                    view = blocking;
                    if (view == null) {
                        view = client.toBlocking();
                        blocking = view;
                    }
                }
            }
            return view;
        }

        @Override
        public <I, O, E> Publisher<HttpResponse<O>> exchange(HttpRequest<I> request, Argument<O> bodyType, Argument<E> errorType) {
            return client.exchange(request, bodyType, errorType);
        }

        @Override
        public <I, O, E> Publisher<O> retrieve(HttpRequest<I> request, Argument<O> bodyType, Argument<E> errorType) {
            return client.retrieve(request, bodyType, errorType);
        }

        @Override
        public boolean isRunning() {
            return client.isRunning();
        }

        @Override
        public HttpClient start() {
            client.start();
            return this;
        }

        @Override
        public HttpClient stop() {
            client.stop();
            return this;
        }

        @Override
        public void close() {
            closeBlocking();
            client.stop();
        }

        void closeBlocking() {
            BlockingHttpClient view = blocking;
            if (view != null) {
                view.close();
            }
        }
    }
}

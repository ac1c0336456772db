package io.partnerlink.shared.partner;

import io.micronaut.context.annotation.BootstrapContextCompatible;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonFeatures;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.JsonStreamConfig;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.SerdeRegistry;
import io.micronaut.serde.config.DeserializationConfiguration;
import io.micronaut.serde.config.SerdeConfiguration;
import io.micronaut.serde.config.SerializationConfiguration;
import io.micronaut.serde.jackson.JacksonJsonMapper;
import io.micronaut.serde.jackson.JacksonObjectMapper;
import io.micronaut.serde.jackson.SerdeJacksonConfiguration;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.reactivestreams.Processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * Micronaut Serde's JSON mapper, except that a body held in a {@link ByteBuffer} is read from its bytes.
 * <p>
 * Why: {@code JacksonJsonMapper.readValue(ByteBuffer, ..)} goes through micronaut-jackson-core's
 * {@code JacksonCoreParserFactory}, whose bytecode hands a netty {@code ByteBufInputStream} to Jackson as an
 * {@code InputStream}. The JVM's verifier must load that netty class to check the call, and the function jars
 * carry no netty, so the first use of the factory throws {@code NoClassDefFoundError} (an Error, past every catch).
 * The HTTP client takes that path whenever it reads a partner body through a {@code MessageBodyReader}, e.g. an
 * answer that does not decode. On a heap buffer the factory itself would only have called {@code toByteArray()}.
 * Every mapper this one hands out (specific, cloned) is wrapped the same way.
 */
@Singleton
@Primary
@BootstrapContextCompatible
@Replaces(JacksonJsonMapper.class)
public final class ByteArrayJsonMapper implements JacksonObjectMapper {

    private final JacksonObjectMapper mapper;

    @Inject
    public ByteArrayJsonMapper(SerdeRegistry registry, SerdeConfiguration serde, SerdeJacksonConfiguration jackson) {
        this(new JacksonJsonMapper(registry, serde, jackson));
    }

    private ByteArrayJsonMapper(JacksonObjectMapper mapper) {
        this.mapper = mapper;
    }

    private static JsonMapper wrap(JsonMapper mapper) {
        return mapper instanceof JacksonObjectMapper jackson && !(mapper instanceof ByteArrayJsonMapper)
                ? new ByteArrayJsonMapper(jackson) : mapper;
    }

    @Override
    public <T> T readValue(ByteBuffer<?> buffer, Argument<T> type) throws IOException {
        return mapper.readValue(buffer.toByteArray(), type);
    }

    @Override
    public JsonMapper createSpecific(Argument<?> type) {
        return wrap(mapper.createSpecific(type));
    }

    @Override
    public JsonMapper cloneWithViewClass(Class<?> view) {
        return wrap(mapper.cloneWithViewClass(view));
    }

    @Override
    public JsonMapper cloneWithFeatures(JsonFeatures features) {
        return wrap(mapper.cloneWithFeatures(features));
    }

    @Override
    public io.micronaut.serde.ObjectMapper cloneWithConfiguration(SerdeConfiguration serde, SerializationConfiguration serialization,
                                                                  DeserializationConfiguration deserialization) {
        return (io.micronaut.serde.ObjectMapper) wrap(mapper.cloneWithConfiguration(serde, serialization, deserialization));
    }

    @Override
    public JacksonObjectMapper cloneWithConfiguration(SerdeJacksonConfiguration jackson) {
        return (JacksonObjectMapper) wrap(mapper.cloneWithConfiguration(jackson));
    }

    @Override
    public SerdeRegistry getSerdeRegistry() {
        return mapper.getSerdeRegistry();
    }

    @Override
    public <T> T readValueFromTree(JsonNode tree, Argument<T> type) throws IOException {
        return mapper.readValueFromTree(tree, type);
    }

    @Override
    public <T> T readValue(InputStream in, Argument<T> type) throws IOException {
        return mapper.readValue(in, type);
    }

    @Override
    public <T> T readValue(byte[] bytes, Argument<T> type) throws IOException {
        return mapper.readValue(bytes, type);
    }

    @Override
    public Processor<byte[], JsonNode> createReactiveParser(Consumer<Processor<byte[], JsonNode>> onSubscribe, boolean streamArray) {
        return mapper.createReactiveParser(onSubscribe, streamArray);
    }

    @Override
    public JsonNode writeValueToTree(Object value) throws IOException {
        return mapper.writeValueToTree(value);
    }

    @Override
    public <T> JsonNode writeValueToTree(Argument<T> type, T value) throws IOException {
        return mapper.writeValueToTree(type, value);
    }

    @Override
    public void writeValue(OutputStream out, Object value) throws IOException {
        mapper.writeValue(out, value);
    }

    @Override
    public <T> void writeValue(OutputStream out, Argument<T> type, T value) throws IOException {
        mapper.writeValue(out, type, value);
    }

    @Override
    public byte[] writeValueAsBytes(Object value) throws IOException {
        return mapper.writeValueAsBytes(value);
    }

    @Override
    public <T> byte[] writeValueAsBytes(Argument<T> type, T value) throws IOException {
        return mapper.writeValueAsBytes(type, value);
    }

    @Override
    public void updateValueFromTree(Object value, JsonNode tree) throws IOException {
        mapper.updateValueFromTree(value, tree);
    }

    @Override
    public JsonStreamConfig getStreamConfig() {
        return mapper.getStreamConfig();
    }
}

package io.partnerlink.coupons;

import io.micronaut.context.annotation.Bean;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Property deserializers that take only the JSON type they name. Serde by default coerces scalars
 * ({@code "fullResync": "yes"} would read as false, {@code "email": 42} as "42"); a manual event with a wrong type
 * must be refused instead. Beans typed as their own class only: Serde finds them where a property names them,
 * but they never replace its String and Boolean deserializers elsewhere (partner answers stay lenient).
 */
final class StrictJson {

    private StrictJson() {
    }

    /** Takes the decoded JSON value only when it is already of {@code type}. */
    abstract static class Strict<T> implements Deserializer<T> {
        private final Class<T> type;
        private final String expected;

        Strict(Class<T> type, String expected) {
            this.type = type;
            this.expected = expected;
        }

        @Override
        public T deserialize(Decoder decoder, DecoderContext context, Argument<? super T> argument) throws IOException {
            Object value = decoder.decodeArbitrary();
            if (type.isInstance(value)) {
                return type.cast(value);
            }
            throw new SerdeException("must be " + expected);
        }

        @Override
        public T deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super T> argument) throws IOException {
            return decoder.decodeNull() ? null : deserialize(decoder, context, argument);
        }
    }

    @Singleton
    @Bean(typed = Bool.class)
    static final class Bool extends Strict<Boolean> {
        Bool() {
            super(Boolean.class, "true or false");
        }
    }

    @Singleton
    @Bean(typed = Text.class)
    static final class Text extends Strict<String> {
        Text() {
            super(String.class, "a string");
        }
    }
}

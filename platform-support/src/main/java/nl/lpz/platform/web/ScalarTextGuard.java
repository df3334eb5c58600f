package nl.lpz.platform.web;

import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses a JSON string with a control character where the request names an enum constant, an instant, a date, a
 * duration, a number, a boolean or a UUID. Jackson trims such strings before it reads them, and {@code String.trim}
 * removes every character up to U+0020: {@code "SEH\u0000"} was read as {@code SEH} and {@code "\u0000"} as an absent
 * date, so that a request nobody meant was accepted (issue 14, hostile input). A text field is checked by the
 * services' own text rules ({@code ValueRules}); this covers the values that never reach them as text.
 */
final class ScalarTextGuard extends ValueDeserializerModifier {

    static SimpleModule module() {
        return new SimpleModule("lpz-scalar-text-guard").setDeserializerModifier(new ScalarTextGuard());
    }

    @Override
    public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                       BeanDescription.Supplier description,
                                                       ValueDeserializer<?> deserializer) {
        return new Guarded(deserializer);
    }

    @Override
    public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                                                   ValueDeserializer<?> deserializer) {
        return guarded(description.getBeanClass()) ? new Guarded(deserializer) : deserializer;
    }

    static boolean guarded(Class<?> type) {
        return type.isPrimitive() || Number.class.isAssignableFrom(type) || type == Boolean.class
                || type == UUID.class || type == Character.class || type.isEnum()
                || type.getPackageName().equals("java.time");
    }

    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Checks a string token, then lets the original deserializer read it. */
    static final class Guarded extends DelegatingDeserializer {
        Guarded(ValueDeserializer<?> delegatee) {
            super(delegatee);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
            return new Guarded(delegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            if (p.currentToken() == JsonToken.VALUE_STRING && hasControlCharacter(p.getString())) {
                throw InvalidFormatException.from(p, "a control character in a value of type "
                        + handledType().getSimpleName(), p.getString(), handledType());
            }
            return super.deserialize(p, ctxt);
        }
    }
}

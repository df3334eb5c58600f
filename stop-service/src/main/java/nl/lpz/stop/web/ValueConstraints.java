package nl.lpz.stop.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.OffsetDateTime;
import nl.lpz.events.ValueRules;

/**
 * The published language's {@link ValueRules} as Bean Validation constraints, so that a value no store downstream
 * could hold is refused with the request's other invalid fields: 400 {@code INVALID_FIELD} (platform-support's
 * {@code ProblemHandler}), before anything is sent to a board.
 */
final class ValueConstraints {
    private ValueConstraints() {
    }

    /** Free text every store can hold: {@link ValueRules#textViolation(String)} finds nothing. */
    @Target({FIELD, METHOD, PARAMETER})
    @Retention(RUNTIME)
    @Constraint(validatedBy = StorableTextValidator.class)
    @interface StorableText {
        String message() default "is not storable text";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /**
     * A planned instant: not before {@link ValueRules#PLATFORM_EPOCH} and at most
     * {@link ValueRules#MAX_PLANNING_HORIZON} ahead. "Now" is the validator's clock, so a test can fix it.
     */
    @Target({FIELD, METHOD, PARAMETER})
    @Retention(RUNTIME)
    @Constraint(validatedBy = PlannableValidator.class)
    @interface Plannable {
        String message() default "is not a plannable instant";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static final class StorableTextValidator implements ConstraintValidator<StorableText, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String violation = ValueRules.textViolation(value);
            return violation == null || refuse(context, violation);
        }
    }

    static final class PlannableValidator implements ConstraintValidator<Plannable, OffsetDateTime> {
        @Override
        public boolean isValid(OffsetDateTime value, ConstraintValidatorContext context) {
            if (value == null) {
                return true; // required-ness is @NotNull's
            }
            Instant instant = value.toInstant();
            Instant horizon = context.getClockProvider().getClock().instant().plus(ValueRules.MAX_PLANNING_HORIZON);
            if (!instant.isBefore(ValueRules.PLATFORM_EPOCH) && !instant.isAfter(horizon)) {
                return true;
            }
            return refuse(context, "must lie between " + ValueRules.PLATFORM_EPOCH + " and "
                    + ValueRules.MAX_PLANNING_HORIZON.toDays() + " days from now");
        }
    }

    /** Replaces the default message by the precise one, escaped so that nothing in it reads as a message parameter. */
    private static boolean refuse(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(escape(message)).addConstraintViolation();
        return false;
    }

    private static String escape(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}

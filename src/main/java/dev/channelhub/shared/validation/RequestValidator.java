package dev.channelhub.shared.validation;

import dev.channelhub.shared.error.ApiException;
import dev.channelhub.shared.error.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation of request records, called by the services so that REST and GraphQL reject the same
 * input with the same VALIDATION_FAILED and field names.
 */
@ApplicationScoped
public class RequestValidator {

    @Inject
    Validator validator;

    public <T> T check(T request) {
        if (request == null) {
            throw ApiException.invalid("body", "is required");
        }
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            List<FieldError> errors = violations.stream()
                    .map(RequestValidator::toFieldError)
                    .sorted(Comparator.comparing(FieldError::field))
                    .toList();
            throw ApiException.invalid(errors);
        }
        return request;
    }

    private static FieldError toFieldError(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        return new FieldError(path.isEmpty() ? "body" : path, v.getMessage());
    }
}

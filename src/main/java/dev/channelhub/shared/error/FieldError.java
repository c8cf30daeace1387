package dev.channelhub.shared.error;

/** One offending field of a request, named as a path into the body ({@code lines[0].quantity}). */
public record FieldError(String field, String message) {
}

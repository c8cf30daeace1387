package dev.channelhub.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a test method that sends requests outside the OpenAPI document on purpose (hostile or malformed input): its
 * requests are not checked against openapi/openapi.json, its answers still are. Say why in {@link #value()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface InvalidRequests {
    String value();
}

package org.kindred.api.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record whose JSON may be written once and copied for every equal value after ({@link JsonMemo}). It
 * must be immutable all the way down (nothing in it changed after it is built) and its JSON must depend on
 * nothing but its components, so that equal values always have equal JSON.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReusableJson {
}

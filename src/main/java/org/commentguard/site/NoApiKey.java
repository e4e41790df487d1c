package org.commentguard.site;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method that takes no API key: a public document, or a caller that proves itself another way (Coral's
 * request signature). {@link ApiKeyFilter} lets it through without a caller; the method must then authenticate the
 * request itself. {@link #value()} says how, so that every exception to the key check is written down where it is.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface NoApiKey {

    /** Why no key is needed, or what authenticates the request instead. */
    String value();
}

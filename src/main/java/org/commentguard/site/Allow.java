package org.commentguard.site;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a resource method. Every API resource method must carry it (on the method or its class): a method
 * without it is refused to everyone, so forgetting it fails closed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allow {

    /** Site key roles allowed; {@link Role#ADMIN} keys pass any role check on their own site. */
    Role[] value() default {};

    /** Whether the platform administrator key is allowed. */
    boolean platformAdmin() default false;

    /** Also accept the key in a {@code key} query parameter (Perspective's convention), not only the header. */
    boolean keyInQuery() default false;
}

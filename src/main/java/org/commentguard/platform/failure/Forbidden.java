package org.commentguard.platform.failure;

import java.util.List;

/** The caller is known but may not do this: {@code forbidden}, {@code site_key_required}. */
public class Forbidden extends Failure {

    public Forbidden(String code, String detail) {
        super(Kind.FORBIDDEN, code, "Forbidden", detail, List.of());
    }
}

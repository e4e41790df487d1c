package org.commentguard.perspective;

import jakarta.enterprise.context.ApplicationScoped;
import org.commentguard.platform.error.ErrorDialect;

/** Every failure on a {@code /v1alpha1/} path, wherever it is decided, is answered in Google's error shape. */
@ApplicationScoped
public class PerspectiveErrorDialect implements ErrorDialect {

    @Override
    public boolean applies(String path) {
        return PerspectiveErrors.applies(path);
    }

    @Override
    public int status(int status) {
        return PerspectiveErrors.status(status);
    }

    @Override
    public Object body(int status, String code, String detail) {
        return PerspectiveErrors.body(status, code, detail);
    }
}

package org.commentguard.site;

import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/** The authenticated caller of the current request, set by {@link ApiKeyFilter} before any resource runs. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    /** The caller, or empty on endpoints that authenticate otherwise ({@link NoApiKey}). */
    public Optional<Caller> find() {
        return Optional.ofNullable(caller);
    }

    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller in this request");
        }
        return caller;
    }
}

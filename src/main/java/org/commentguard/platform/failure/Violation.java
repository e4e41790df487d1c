package org.commentguard.platform.failure;

/** One invalid field: a JSON-pointer-like path and what is wrong with it. */
public record Violation(String field, String message) {}

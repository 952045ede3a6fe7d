package io.nhipam.langchain4j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope a {@code @Tool} method requires, e.g. {@code @RequiresScope("invoices:read")}.
 *
 * <p>On a method it applies to that tool; on a class it applies to every {@code @Tool} method of
 * the class that has no annotation of its own. A tool without a declared scope (here or in a
 * mapping given to {@link GuardedTools.Builder#scope(String, String)}) is denied unless unscoped
 * tools were allowed with {@link GuardedTools.Builder#allowUnscopedTools()}. The value must be a
 * concrete scope (no wildcards); it is checked when the tools are wrapped.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresScope {
  /** The scope, {@code resource:action}. */
  String value();
}

/**
 * Per-identity policy (allowed and denied scopes, maximum TTL, reveal grants, row limits) and
 * its strict YAML/JSON loader.
 */
@NullMarked
package io.nhipam.policy;

import org.jspecify.annotations.NullMarked;

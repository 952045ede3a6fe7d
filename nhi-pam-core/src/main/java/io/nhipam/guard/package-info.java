/** The decision point: checks, decisions, decorators, masking after and auditing of both. */
@NullMarked
package io.nhipam.guard;

import org.jspecify.annotations.NullMarked;

/**
 * Test support: {@link io.nhipam.test.NhiPamAssertions} for decisions, guards and masked text,
 * and {@link io.nhipam.test.NhiPamTest} / {@link io.nhipam.test.NhiPamExtension} to build an
 * {@code NhiPam} from a policy file with a fixed clock and an in-memory audit trail.
 */
@NullMarked
package io.nhipam.test;

import org.jspecify.annotations.NullMarked;

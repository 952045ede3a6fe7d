/** The nhi-pam entry point, {@link io.nhipam.NhiPam}. */
@NullMarked
package io.nhipam;

import org.jspecify.annotations.NullMarked;

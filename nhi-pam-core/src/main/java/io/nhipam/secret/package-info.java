/** The recognisable format of nhi-pam ephemeral secrets (prefix and checksum). */
@NullMarked
package io.nhipam.secret;

import org.jspecify.annotations.NullMarked;

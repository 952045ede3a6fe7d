/** The unchecked exception root shared by every nhi-pam package. */
@NullMarked
package io.nhipam.error;

import org.jspecify.annotations.NullMarked;

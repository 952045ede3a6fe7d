/** Non-human identities and the inventory of who exists, who owns each and what each holds. */
@NullMarked
package io.nhipam.identity;

import org.jspecify.annotations.NullMarked;

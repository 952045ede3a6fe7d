/** The three acceptance stories of nhi-pam as runnable programs: finance bot, support agent, CI pipeline. */
@NullMarked
package io.nhipam.examples;

import org.jspecify.annotations.NullMarked;

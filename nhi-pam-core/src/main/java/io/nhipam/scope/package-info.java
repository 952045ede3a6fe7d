/**
 * Scope grammar ({@code resource:action}, strict, byte-exact) and the compiled matcher that
 * decides whether a set of scope patterns grants a scope. Depends on nothing else in nhi-pam.
 */
@NullMarked
package io.nhipam.scope;

import org.jspecify.annotations.NullMarked;

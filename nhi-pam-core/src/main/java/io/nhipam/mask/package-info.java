/**
 * Masking: finds card numbers, personal data and secrets in text, JSON trees and streams, and
 * replaces them by policy.
 *
 * <p>Entry point: {@link io.nhipam.mask.Masker#builder()}. Detectors are named by stable
 * lowercase ids ({@link io.nhipam.mask.DetectorIds}); actions are {@link
 * io.nhipam.mask.MaskAction} values; what was found is a {@link io.nhipam.mask.MaskReport},
 * which never repeats the plaintext. Reveal grants reach this package as a set of detector ids
 * the caller may see in clear; values left in clear that way are counted separately so they can
 * be audited.
 */
@NullMarked
package io.nhipam.mask;

import org.jspecify.annotations.NullMarked;

/**
 * JMH benchmarks that run nhi-pam and its peers on the same work in the same run, so that the
 * ratios between them hold on any machine. Built into {@code target/benchmarks.jar}; never run
 * by the build.
 */
@NullMarked
package io.nhipam.bench;

import org.jspecify.annotations.NullMarked;

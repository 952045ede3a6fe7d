package io.nhipam.policy;

import java.util.stream.Collectors;

/** A policy written out field by field, so two policies can be compared for equal content. */
final class PolicyText {
  private PolicyText() {}

  static String describe(Policy policy) {
    String identities = policy.identities().stream()
        .map(p -> p.identity() + " allow=" + p.allow() + " deny=" + p.deny() + " maxTtl=" + p.maxTtl()
            + " reveal=" + p.reveal() + " maxRows=" + p.maxRows() + " rowLimitAction=" + p.rowLimitAction())
        .sorted()
        .collect(Collectors.joining("\n"));
    return identities + "\ndetectors=" + policy.detectorActions() + "\ncolumns=" + policy.columnActions();
  }
}

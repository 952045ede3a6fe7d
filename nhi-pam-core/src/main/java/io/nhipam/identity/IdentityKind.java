package io.nhipam.identity;

/** What sort of non-human principal an identity is. */
public enum IdentityKind {
  SERVICE_ACCOUNT,
  WORKLOAD,
  PIPELINE,
  BOT,
  AI_AGENT
}

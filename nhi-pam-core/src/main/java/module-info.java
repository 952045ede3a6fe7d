/**
 * nhi-pam core: identities, scopes and policy, credentials, revocation, leases, ephemeral
 * secrets, masking, audit and the Guard. Only API packages are exported; the PASETO
 * implementation ({@code io.nhipam.internal.paseto}) stays inside the module.
 */
module io.nhipam.core {
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.yaml.snakeyaml;
  requires com.fasterxml.jackson.dataformat.toml;
  requires com.google.common;
  requires org.bouncycastle.provider;
  requires org.slf4j;
  requires re2j;
  requires static transitive org.jspecify;

  exports io.nhipam;
  exports io.nhipam.audit;
  exports io.nhipam.credential;
  exports io.nhipam.error;
  exports io.nhipam.guard;
  exports io.nhipam.identity;
  exports io.nhipam.mask;
  exports io.nhipam.policy;
  exports io.nhipam.scope;
  exports io.nhipam.secret;
}

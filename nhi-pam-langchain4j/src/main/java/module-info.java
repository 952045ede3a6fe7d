/**
 * nhi-pam for LangChain4j: decorates tools and tool providers so that every tool call is checked
 * against the caller's credential before it runs, and everything the model would see of its
 * result is masked after. Only the API package is exported.
 *
 * <p>LangChain4j 1.19 ships no module descriptor or Automatic-Module-Name, so its jars are
 * filename-based automatic modules ({@code langchain4j}, {@code langchain4j.core}). They are
 * required transitively because this module's API takes and returns their types.
 */
@SuppressWarnings("requires-transitive-automatic")
module io.nhipam.langchain4j {
  requires transitive io.nhipam.core;
  requires transitive langchain4j;
  requires transitive langchain4j.core;
  requires static org.jspecify;

  exports io.nhipam.langchain4j;
}

/**
 * Guards for LangChain4j tools: {@link io.nhipam.langchain4j.GuardedTools} for {@code @Tool}
 * objects, {@link io.nhipam.langchain4j.GuardedToolProvider} for any {@code ToolProvider} (MCP
 * included), and {@link io.nhipam.langchain4j.GuardedToolExecutor}, the decorator both build on.
 *
 * <p>Every guarded call runs in this order: resolve the caller's credential (see
 * {@link io.nhipam.langchain4j.CredentialSource}), check each scope the tool requires, run the
 * tool, mask every text the model would see of its result (and the message of any error it
 * throws). Allows, denials and masking are audited with the tool call id as correlation id.
 */
@NullMarked
package io.nhipam.langchain4j;

import org.jspecify.annotations.NullMarked;

/**
 * The tools the official MCP conformance suite (@modelcontextprotocol/conformance) calls, as a Paddock
 * capability: with "exposeAsTools" each method is the MCP tool `test_<method>`. Methods that return MCP
 * content (images, audio, embedded resources) are declared `unknown`: agent code receives
 * `{ $type: "mcp-content", content: {...} }` and a direct tool call gets the content items themselves.
 */
export interface ConformanceTools {
  /** Returns a simple text result. */
  simple_text(): Promise<string>;
  /** Returns a 1x1 PNG image as MCP image content. */
  image_content(): Promise<unknown>;
  /** Returns a short WAV sound as MCP audio content. */
  audio_content(): Promise<unknown>;
  /** Returns an embedded text resource (test://embedded-resource). */
  embedded_resource(): Promise<unknown>;
  /** Returns text, an image and an embedded JSON resource together. */
  multiple_content_types(): Promise<unknown>;
  /** Sends three info log messages to the client, about 50 ms apart, then returns. */
  tool_with_logging(): Promise<string>;
  /** Reports progress 0, 50 and 100 of 100, about 50 ms apart, when the client asked for progress. */
  tool_with_progress(): Promise<string>;
  /** Always fails: the tool result has isError set. */
  error_handling(): Promise<string>;
  /**
   * Asks the client's model to answer a prompt (sampling/createMessage) and returns what it said.
   * @param prompt The prompt to send to the LLM
   */
  sampling(prompt: string): Promise<string>;
  /**
   * Asks the user for a username and an email address (elicitation/create).
   * @param message The message to show the user
   */
  elicitation(message: string): Promise<string>;
  /** Elicits a name, age, score, status and verification flag that all carry defaults (SEP-1034). */
  elicitation_sep1034_defaults(): Promise<string>;
  /** Elicits every kind of enumeration: untitled, titled, legacy, single and multiple choice (SEP-1330). */
  elicitation_sep1330_enums(): Promise<string>;
}

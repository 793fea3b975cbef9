// Token economy: how many o200k_base tokens a model reads for a server's tools, as JSON vs as
// Paddock's TypeScript rendering. js-tiktoken is the maintained JS port of OpenAI's tokenizer.
import { getEncoding } from 'js-tiktoken';

const o200k = getEncoding('o200k_base');

export function countTokens(text) {
  return o200k.encode(text).length;
}

/** The baseline the issue names: the compact JSON.stringify of the `tools` array as served. */
export function jsonBaseline(toolsList) {
  return JSON.stringify(toolsList.tools);
}

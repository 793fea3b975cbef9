// The input and output of Paddock's own `execute` tool: its tools/list schemas are compiled from this
// file by tool-defs, as a capability's are. Its description is ExecuteToolDescription's.
// The output admits both {result, logs} and {error, logs}: clients validate error results against it too.

type integer = number;

declare const paddock: {
  execute(input: {
    /** JavaScript or TypeScript: an async function body, an async arrow function, or statements whose last expression is the result. */
    code: string;
    /**
     * Wall-time limit for this call in milliseconds; can only lower the server's limit.
     * @minimum 1
     */
    timeoutMs?: integer;
    /** Start this session's isolate afresh, dropping its globals, before running the code. */
    reset?: boolean;
  }): Promise<{
    /** The code's value as JSON; null for undefined. */
    result?: unknown;
    /** Console output in print order. */
    logs: { level: string; message: string }[];
    /** Present when the code failed. */
    error?: {
      kind: string;
      name: string;
      message: string;
      line?: integer;
      column?: integer;
      sourceLine?: string;
      isolateReset?: boolean;
    };
    /** True when the result or the logs were cut to fit the limits. */
    truncated?: boolean;
  }>;
};

// Exits in the middle of a call: `exit_mid_call` sends one progress notification (when the call has a
// progress token), then ends the process with exit code `code` (default 3) without answering. `echo`
// works until then. stdio or Streamable HTTP (`--http PORT`).
import { echoTool, serve, toolServer } from './lib/fixture.mjs';

const exitMidCall = {
  name: 'exit_mid_call',
  description: 'Starts working, then the server process exits without answering.',
  inputSchema: { type: 'object', properties: { code: { type: 'integer', default: 3 } } },
  call: async ({ code = 3 }, extra) => {
    const progressToken = extra._meta?.progressToken;
    if (progressToken !== undefined) {
      await extra.sendNotification({ method: 'notifications/progress', params: { progressToken, progress: 1, total: 2 } });
    }
    setTimeout(() => process.exit(code), 20);
    return new Promise(() => {});
  },
};

await serve(toolServer('crash', [exitMidCall, echoTool]));

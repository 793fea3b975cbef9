// A slow tool that shows what reached it. `slow({steps, stepMs})` (default 50 × 200 ms) sends, at every
// step, a progress notification (when the call has a progress token) and a log message, and answers
// {steps} at the end. Every call, notification sent, notifications/cancelled received and abort is
// appended as one JSON line to the file named by UPSTREAM_RECORD (if set), so a test can assert that a
// cancellation made it all the way upstream. stdio or Streamable HTTP (`--http PORT`).
import { appendFileSync } from 'node:fs';
import { echoTool, json, serve, toolServer } from './lib/fixture.mjs';

function record(event) {
  if (process.env.UPSTREAM_RECORD) appendFileSync(process.env.UPSTREAM_RECORD, JSON.stringify(event) + '\n');
}

const slow = {
  name: 'slow',
  description: 'Works in steps, reporting progress and logging each one.',
  inputSchema: {
    type: 'object',
    properties: { steps: { type: 'integer', default: 50 }, stepMs: { type: 'integer', default: 200 } },
  },
  call: async ({ steps = 50, stepMs = 200 }, extra) => {
    const progressToken = extra._meta?.progressToken;
    record({ event: 'call', requestId: extra.requestId, progressToken: progressToken ?? null });
    for (let step = 1; step <= steps; step++) {
      await new Promise((resolve) => setTimeout(resolve, stepMs));
      if (extra.signal.aborted) {
        record({ event: 'aborted', requestId: extra.requestId, step });
        throw new Error('cancelled');
      }
      if (progressToken !== undefined) {
        const params = { progressToken, progress: step, total: steps, message: `step ${step}` };
        await extra.sendNotification({ method: 'notifications/progress', params });
        record({ event: 'progress', ...params });
      }
      const log = { level: 'info', logger: 'steps', data: `step ${step} of ${steps}` };
      await extra.sendNotification({ method: 'notifications/message', params: log });
      record({ event: 'log', ...log });
    }
    record({ event: 'finished', requestId: extra.requestId });
    return json({ steps });
  },
};

function observe(message) {
  if (message.method === 'notifications/cancelled') record({ event: 'cancelled', ...message.params });
}

await serve(toolServer('slow', [slow, echoTool], { capabilities: { logging: {} } }), { observe });

// Preloaded (`node --import`) into servers that listen on every interface when given only a port, such
// as server-everything's Streamable HTTP mode: a listen without a host binds 127.0.0.1 instead, so the
// tests never open a port beyond loopback.
import net from 'node:net';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' || typeof args[0] === 'string' && /^\d+$/.test(args[0])) {
    const [port, ...rest] = args;
    return listen.call(this, Number(port), '127.0.0.1', ...rest); // rest: [backlog,] [callback]
  }
  if (args[0] && typeof args[0] === 'object' && !args[0].host && !args[0].path) args[0] = { ...args[0], host: '127.0.0.1' };
  return listen.apply(this, args);
};

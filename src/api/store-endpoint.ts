// POST /_store: the store calls of other policy-kg commands while this server holds the
// embedded store (src/graph/remote-store.ts). Only from this machine, only with the token the
// server wrote next to the store, only the methods REMOTE_METHODS names.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphStore } from '../graph/store.js';
import { REMOTE_METHODS } from '../graph/remote-store.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const WRITES = new Set(['load', 'replaceReuses']);

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

export async function storeEndpoint(req: IncomingMessage, res: ServerResponse, store: GraphStore, token: string, onWrite: () => void): Promise<void> {
  if (req.method !== 'POST' || !LOOPBACK.has(req.socket.remoteAddress ?? '') || req.headers.authorization !== `Bearer ${token}`) {
    send(res, 403, { error: 'forbidden' });
    return;
  }
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  let call: { method: string; args: unknown[] };
  try { call = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { send(res, 400, { error: 'not JSON' }); return; }
  if (!(REMOTE_METHODS as readonly string[]).includes(call.method) || !Array.isArray(call.args)) { send(res, 400, { error: `no store method ${String(call.method).slice(0, 40)}` }); return; }
  try {
    const fn = store[call.method as (typeof REMOTE_METHODS)[number]] as (...a: unknown[]) => Promise<unknown>;
    const result = await fn.apply(store, call.args);
    if (WRITES.has(call.method)) onWrite();
    send(res, 200, { result: result ?? null });
  } catch (e) {
    send(res, 500, { error: (e as Error).message });
  }
}

// One load run in its own process (a load generator sharing the server's thread would
// measure itself): autocannon against `url`, each request the next of `bodies`, so that
// every request asks a different question. Prints autocannon's result as JSON.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const { url, bodies, connections, seconds } = JSON.parse(readFileSync(process.argv[2], 'utf8')) as { url: string; bodies: string[]; connections: number; seconds: number };
let next = 0;
const result = await autocannon({
  url, connections, duration: seconds, method: 'POST', headers: { 'content-type': 'application/json' },
  requests: [{ setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }) }],
});
process.stdout.write(JSON.stringify(result));

// One timed ingest in its own process, so that its peak memory is its own:
// prints the ingest result and the process's peak RSS as JSON.
import { EmbeddedStore } from '../graph/embedded-store.js';
import { ingest } from '../pipeline.js';

const [corpus, data] = process.argv.slice(2);
const store = new EmbeddedStore(data);
await store.init();
const r = await ingest(store, [corpus]);
const stats = await store.stats();
await store.close();
process.stdout.write(JSON.stringify({
  documents: stats.labels.Document, rows: r.load.nodes + r.load.relationships, seconds: r.seconds, timings: r.timings,
  failed: r.files.filter((f) => f.error).length, peakRssMB: process.resourceUsage().maxRSS / 1024,
}));

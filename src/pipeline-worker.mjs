// The file piscina starts each worker thread with: it loads TypeScript through tsx, whatever
// loader (or none) the parent process has, then serves pipeline-worker.ts's function.
import { register } from 'tsx/esm/api';

register();
export default (await import('./pipeline-worker.ts')).default;

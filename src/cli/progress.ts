// Progress of a long ingest on stderr: a bar with rate and ETA on a terminal
// (cli-progress), plain lines in logs and CI.
import cliProgress from 'cli-progress';
import type { IngestOptions } from '../pipeline.js';

export interface ProgressReporter extends Pick<IngestOptions, 'onFile' | 'onLoad'> { stop(): void }

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (stream.isTTY) {
    const bars = new cliProgress.MultiBar({
      stream, clearOnComplete: false, hideCursor: true,
      format: ' {phase} |{bar}| {value}/{total} {unit} · {rate}/s · ETA {eta_formatted} {what}',
    }, cliProgress.Presets.shades_classic);
    let files: cliProgress.SingleBar | null = null;
    let load: cliProgress.SingleBar | null = null;
    const started = Date.now();
    const rate = (n: number) => (n / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1);
    return {
      onFile(done, total, file) {
        files ??= bars.create(total, 0, { phase: 'extract', unit: 'files', what: '', rate: '0' });
        files.update(done, { what: file.split('/').pop(), rate: rate(done) });
      },
      onLoad(done, total, what) {
        load ??= bars.create(total, 0, { phase: 'load   ', unit: 'rows', what, rate: '0' });
        load.setTotal(total);
        load.update(done, { what, rate: '–' });
      },
      stop: () => bars.stop(),
    };
  }
  // Not a terminal: a line per tenth of the files, and one per load step.
  let lastTenth = -1;
  return {
    onFile(done, total, file) {
      const tenth = Math.floor((done / total) * 10);
      if (tenth !== lastTenth || done === total) { lastTenth = tenth; stream.write(`extract ${done}/${total} files (${file})\n`); }
    },
    onLoad(done, total, what) { if (done === total) stream.write(`load ${what}: ${total} rows\n`); },
    stop() {},
  };
}

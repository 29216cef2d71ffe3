// A vitest pool whose child process outlives a test run (npm run mutate only). Stryker asks its
// vitest for one run per mutant, and vitest ends each run by stopping its worker processes: each
// mutant then paid for a new process, for importing yoga, graphql and LadybugDB again, and for
// nodejieba's dictionary (2.3 s) whenever a test ingested. Here a run's graceful stop detaches
// the process instead, and the next run's runner takes it up again and sends it `start` as to a
// new one (its config, with the mutant's test filter). Each run has the project's own modules
// (src, test) evaluated anew, as in a new process: a mutant that left a module's state wrong
// (a counter of running store calls) would otherwise fail or hang the mutants after it. What
// stays loaded is node_modules. A forced stop (a timeout, a failure to start, a cancelled run)
// kills the process as vitest would.
import type { ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { ForksPoolWorker, type PoolOptions, type WorkerRequest } from 'vitest/node';

export const KEPT_FORKS = 'kept-forks';

/** What keeps vitest's own process alive while the child lives (its stdio are sockets). */
const handles = (c: ChildProcess) => [c, c.channel, c.stdout, c.stderr] as ({ ref(): void; unref(): void } | null | undefined)[];

/** The project's modules (src, test) under `root`, invalidated at the start of each run: listed once, not per mutant. */
const ownModules = new Map<string, string[]>();
function modulesOf(root: string): string[] {
  let files = ownModules.get(root);
  if (!files) {
    files = ['src', 'test'].flatMap((d) => readdirSync(join(root, d), { recursive: true, encoding: 'utf8' }).filter((f) => /\.[cm]?[jt]s$/.test(f)).map((f) => join(root, d, f)));
    ownModules.set(root, files);
  }
  return files;
}

/** The process kept between runs (one per vitest: Stryker runs it with one worker). */
let kept: ChildProcess | undefined;

class KeptForkWorker extends ForksPoolWorker {
  override name = KEPT_FORKS;
  /** What the runner attached to the process, removed when the process is handed on. */
  private readonly listeners: [string, (arg: any) => void][] = [];
  private detaching = false;
  private readonly root: string;

  constructor(options: PoolOptions) {
    super(options);
    this.root = options.project.config.root;
  }

  /** ForksPoolWorker's own fields (private in its types). */
  private get own() { return this as unknown as { _fork?: ChildProcess; stdout: Writable; stderr: Writable }; }

  override async start(): Promise<void> {
    if (kept?.connected && kept.exitCode === null && kept.signalCode === null) {
      this.own._fork = kept;
      for (const handle of handles(kept)) handle?.ref();
    }
    await super.start();
    kept = this.own._fork;
  }

  override on(event: string, callback: (arg: any) => void): void {
    this.listeners.push([event, callback]);
    super.on(event, callback);
  }

  override send(message: WorkerRequest): void {
    if (message.type === 'run') message.context.invalidates = [...(message.context.invalidates ?? []), ...modulesOf(this.root)];
    if (message.type !== 'stop') return super.send(message);
    // The process would tear down and exit: answer for it and keep it.
    this.detaching = true;
    const stopped = { type: 'stopped', __vitest_worker_response__: true };
    setImmediate(() => this.listeners.filter(([e]) => e === 'message').forEach(([, f]) => f(stopped)));
  }

  override async stop(): Promise<void> {
    if (!this.detaching) {
      if (kept === this.own._fork) kept = undefined;
      return super.stop();
    }
    const { _fork: child, stdout, stderr } = this.own;
    for (const [event, f] of this.listeners) child!.off(event, f);
    child!.stdout?.unpipe(stdout);
    child!.stderr?.unpipe(stderr);
    stdout.setMaxListeners(stdout.getMaxListeners() - 1);
    stderr.setMaxListeners(stderr.getMaxListeners() - 1);
    // Not what keeps vitest's process alive: when it ends, the kept one ends with it.
    for (const handle of handles(child!)) handle?.unref();
    this.own._fork = undefined;
  }
}

export const keptForkPool = {
  name: KEPT_FORKS,
  createPoolWorker: (options: PoolOptions) => new KeptForkWorker(options),
};

/** For the process's command line: it ends when vitest's does (a kept process has no run to end it). */
export const EXIT_WITH_PARENT = '--import=data:text/javascript,process.on("disconnect",()=>process.exit())';

#!/usr/bin/env node
// policy-kg command line: ingest, extract, serve, start, trace, network, export, eval, eval-trace.
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';

// Each command's module is loaded when the command runs: the store, jieba's dictionaries and
// GraphQL take seconds to load, and `--help` needs none of them.
/* eslint-disable @typescript-eslint/no-explicit-any */
const lazy = (load: () => Promise<(...a: any[]) => unknown>) => async (...a: any[]) => { await (await load())(...a); };
const runEval = lazy(async () => (await import('./eval.js')).runEval);
const runExtract = lazy(async () => (await import('./extract.js')).runExtract);
const runIngest = lazy(async () => (await import('./ingest.js')).runIngest);
const runServe = lazy(async () => (await import('./serve.js')).runServe);
const runStart = lazy(async () => (await import('./serve.js')).runStart);
const runEvalTrace = lazy(async () => (await import('./eval-trace.js')).runEvalTrace);
const runTrace = lazy(async () => (await import('./trace.js')).runTrace);
const runNetwork = lazy(async () => (await import('./trace.js')).runNetwork);
const runExport = lazy(async () => (await import('./export.js')).runExport);
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

// Output piped into `head` closes early; that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); else throw e; });

const program = new Command();
program
  .name('policy-kg')
  .description('Chinese policy documents → knowledge graph (embedded LadybugDB or Neo4j) → GraphQL')
  .version(version);

const storeOptions = (c: Command) => c
  .addOption(new Option('--data <dir>', 'embedded store path').env('POLICY_KG_DATA').default('data/graph'))
  .addOption(new Option('--neo4j-uri <uri>', 'use Neo4j at this URI instead of the embedded store').env('NEO4J_URI'))
  .addOption(new Option('--neo4j-user <user>', 'Neo4j user').env('NEO4J_USER').default('neo4j'))
  .addOption(new Option('--neo4j-password <password>', 'Neo4j password').env('NEO4J_PASSWORD'))
  .addOption(new Option('--neo4j-database <name>', 'Neo4j database').env('NEO4J_DATABASE'))
  .addOption(new Option('--batch-size <rows>', 'rows per write (UNWIND batch for Neo4j, COPY for the embedded store)').env('POLICY_KG_BATCH_SIZE'));
const serveOptions = (c: Command) => c
  .addOption(new Option('--port <port>', 'HTTP port').env('PORT').default('4000'))
  .addOption(new Option('--max-depth <n>', 'deepest query accepted').env('POLICY_KG_MAX_DEPTH').default('10'))
  .addOption(new Option('--max-cost <n>', 'costliest query accepted (a connection costs `first` × its selection)').env('POLICY_KG_MAX_COST').default('10000'))
  .addOption(new Option('--max-page-size <n>', 'largest `first` of a connection').env('POLICY_KG_MAX_PAGE_SIZE').default('100'))
  .addOption(new Option('--timeout-ms <ms>', 'time limit of one request').env('POLICY_KG_TIMEOUT_MS').default('10000'))
  .addOption(new Option('--cache-ttl-ms <ms>', 'reuse an answer to the same query for this long (0: off)').env('POLICY_KG_CACHE_TTL_MS').default('60000'))
  .addOption(new Option('--cors-origin <origins>', 'comma-separated browser origins allowed (* for any); default: localhost pages only').env('POLICY_KG_CORS_ORIGIN'));

storeOptions(program.command('ingest')
  .description('read, extract and load files or directories into the store (incremental: unchanged documents are skipped)')
  .argument('<paths...>', 'files or directories')
  .option('--report <file>', 'write a per-file JSON report')
  .addOption(new Option('--workers <n>', 'worker threads for reading and extraction (default: one fewer than cores, at least one; 0: none)').env('POLICY_KG_WORKERS'))
  .addOption(new Option('--max-file-size <MB>', 'files larger than this are reported, not read').env('POLICY_KG_MAX_FILE_SIZE').default('20')))
  .action(runIngest);

program.command('extract')
  .description('print extracted documents, entities and relations as JSON (the annotation format); needs no store')
  .argument('<files...>', 'files to read')
  .option('--format <format>', 'output format', 'json')
  .option('--out <dir>', 'write one <name>.json per input file instead of printing')
  .option('--explain', 'add the rule and confidence behind each relation')
  .action(runExtract);

serveOptions(storeOptions(program.command('serve').description('serve GraphQL over the store'))).action(runServe);

serveOptions(storeOptions(program.command('start')
  .description('load the sample corpus into the store if it is empty, then serve GraphQL')
  .option('--corpus <dir>', 'what to load when the store is empty', 'corpus')))
  .action(runStart);

storeOptions(program.command('trace')
  .description("how a program spread: its adoptions by place and date, as a table (and a page with --html)")
  .argument('<program>', 'program name, alias, or part of the name')
  .option('--html <file>', 'also write a self-contained HTML page with a timeline, the adoption graph and the diffusion network'))
  .action(runTrace);

storeOptions(program.command('network')
  .description('who adopts before whom across every program: weighted leader → follower edges between places')
  .option('--level <level>', 'keep edges between places of this level (central, provincial, municipal, district)')
  .option('--min-programs <n>', 'leave out edges behind fewer programs', '2')
  .option('--window-years <n>', 'count a place as leading another only within this many years', '3')
  .option('--json', 'print the network as JSON'))
  .action(runNetwork);

storeOptions(program.command('export')
  .description('write the graph for other tools: GraphML (Gephi, Cytoscape, NetworkX), CSV for neo4j-admin database import, or JSON Lines')
  .requiredOption('--format <format>', 'graphml, csv or jsonl')
  .option('--out <dir>', 'where the files go', 'export')
  .option('--types <types>', 'only these relationship types, comma-separated (default: all)')
  .option('--program <name>', 'only this program, its local variants, the documents that mention them and what lies around them')
  .option('--place <place>', 'only the documents of this place (and the places within it) and what lies around them')
  .option('--depth <n>', 'with --program or --place: how many hops around those documents to keep', '1'))
  .action(runExport);

program.command('eval')
  .description('score extraction against gold annotations (precision, recall, F1 per type; metadata accuracy)')
  .option('--gold <dir>', 'gold JSON files', 'corpus/gold')
  .option('--pred <dir>', 'predicted JSON files (default: extract --corpus now)')
  .option('--corpus <dir>', 'extract these files and score them', 'corpus')
  .option('--json', 'print the scores as JSON (with every error)')
  .option('--errors', 'after the table, list what was missed and what was wrong, document by document')
  .action(runEval);

program.command('eval-trace')
  .description('score traces against real adoption cascades: each folder holds one text per jurisdiction and a gold.json (program, place and year per file, copied-passage pairs)')
  .argument('<folders...>', 'cascade folders, each ingested alone into a fresh store')
  .option('--json', 'print the scores as JSON')
  .option('--misses', 'list what each trace got wrong')
  .action(runEvalTrace);

await program.parseAsync();

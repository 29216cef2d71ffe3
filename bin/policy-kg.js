#!/usr/bin/env -S node --max-old-space-size=768
// The CLI runs in this process (TypeScript loaded by tsx's loader), so the process a user
// starts is the one that serves or ingests: signals reach it and it closes its store.
// The heap limit makes V8 collect early; ingest streams, so 768 MB is room enough.
import { register } from 'tsx/esm/api';

// graphql-js checks every instanceof for a second copy of itself unless in production: a tenth
// of the server's time on a request nobody asked before. (Tests set NODE_ENV=test; kept.)
process.env.NODE_ENV ??= 'production';
register();
await import('../src/cli/main.ts');

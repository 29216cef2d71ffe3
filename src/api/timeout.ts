// The per-request time limit: execution races a timer; a request that loses gets a TIMEOUT
// error, and its abort signal stops the store calls it has not started yet (each running
// store query is bounded by the store's own query timeout). The depth and cost limits are
// graphql-armor plugins; nothing maintained covers time.
import { createGraphQLError, type Plugin } from 'graphql-yoga';

export function timeoutPlugin(ms: number): Plugin<{ abort?: AbortController }> {
  return {
    onExecute({ args, setExecuteFn, executeFn }) {
      const abort = (args.contextValue as { abort?: AbortController }).abort;
      setExecuteFn(async (a) => {
        let timer: NodeJS.Timeout | undefined;
        const expired = new Promise<{ errors: ReturnType<typeof createGraphQLError>[] }>((resolve) => {
          timer = setTimeout(() => {
            abort?.abort();
            resolve({ errors: [createGraphQLError(`query took longer than ${ms} ms`, { extensions: { code: 'TIMEOUT', timeoutMs: ms } })] });
          }, ms);
        });
        try {
          return await Promise.race([executeFn(a), expired]);
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}

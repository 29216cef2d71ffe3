// The per-request time limit: execution races a timer; a request that loses
// gets a TIMEOUT error instead of holding the endpoint. (The depth and cost
// limits are graphql-armor plugins; nothing maintained covers time.)
import { createGraphQLError, type Plugin } from 'graphql-yoga';

export function timeoutPlugin(ms: number): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        let timer: NodeJS.Timeout | undefined;
        const expired = new Promise<{ errors: ReturnType<typeof createGraphQLError>[] }>((resolve) => {
          timer = setTimeout(() => resolve({
            errors: [createGraphQLError(`query took longer than ${ms} ms`, { extensions: { code: 'TIMEOUT', timeoutMs: ms } })],
          }), ms);
        });
        try {
          return await Promise.race([executeFn(args), expired]);
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}

// Every error a client gets carries extensions.code and a bounded message. Errors raised by
// resolvers and our plugins have their codes already; those from parsing, validation, the
// depth limit and variable coercion come from graphql-js and graphql-armor without one.
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const MAX_MESSAGE = 300;

const CODES: [RegExp, string][] = [
  [/depth limit/i, 'DEPTH_LIMIT'],
  [/aliases limit|maximum allowed number of (nodes|tokens)|token limit/i, 'COST_LIMIT'],
  [/^Syntax Error/, 'GRAPHQL_PARSE_FAILED'],
  [/^Variable "\$|got invalid value|Expected value of type|Int cannot represent|String cannot represent/i, 'BAD_USER_INPUT'],
  [/not configured to execute (mutation|subscription)|Can only perform a .* operation from a POST request|not supported/i, 'OPERATION_NOT_SUPPORTED'],
];

export function codeOf(message: string): string {
  return CODES.find(([re]) => re.test(message))?.[1] ?? 'GRAPHQL_VALIDATION_FAILED';
}

const clip = (s: string) => (s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE)}…` : s);

function coded(e: GraphQLError): GraphQLError {
  const ext = (e.extensions ?? {}) as Record<string, unknown>;
  const code = typeof ext.code === 'string' ? ext.code : codeOf(e.message);
  // graphql-js freezes nothing here: set the fields in place so yoga serialises them.
  Object.assign(e, { message: clip(e.message), extensions: { ...ext, code } });
  return e;
}

export function errorCodesPlugin(): Plugin {
  return {
    onResultProcess({ result }) {
      for (const r of Array.isArray(result) ? result : [result]) {
        const errors = (r as { errors?: GraphQLError[] }).errors;
        if (errors) for (const e of errors) coded(e);
      }
    },
  };
}

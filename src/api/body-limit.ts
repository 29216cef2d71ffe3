// The request body's size limit. yoga's own (useLimitRequestBodySize) pipes every body through a
// TransformStream to count its bytes, and the pipeline's end makes an AbortSignal and a
// DOMException per request: a tenth of the server's time answering short questions. A body with
// a Content-Length cannot be longer (Node's HTTP parser reads that many bytes), so the header
// alone decides; only a body sent without one (chunked) is counted as it streams.
import { createGraphQLError } from '@graphql-tools/utils';
import type { Plugin } from 'graphql-yoga';

// yoga allows 25 MB; a query of this API is a few hundred bytes, and a body is held whole while parsed.
export const MAX_BODY_BYTES = 2 * 2 ** 20;

const tooLarge = () => createGraphQLError('Request body too large', { extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' } });

export function bodyLimitPlugin(limit = MAX_BODY_BYTES): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const length = request.headers.get('content-length');
      if (length != null) {
        if (!/^\d+$/.test(length)) throw createGraphQLError('Content-Length header is invalid.', { extensions: { http: { status: 400 }, code: 'BAD_REQUEST' } });
        if (Number(length) > limit) throw tooLarge();
        return;
      }
      if (!requestParser || !request.body) return;
      let read = 0;
      const counted = request.body.pipeThrough(new fetchAPI.TransformStream({
        transform(chunk: Uint8Array, c) { read += chunk.byteLength; if (read > limit) c.error(tooLarge()); else c.enqueue(chunk); },
      }));
      const parse = requestParser;
      // @ts-expect-error duplex: required by fetch for a streamed body, missing from the types
      setRequestParser((r) => parse(new fetchAPI.Request(r.url, { method: r.method, headers: r.headers, signal: r.signal, body: counted, duplex: 'half' })));
    },
  };
}

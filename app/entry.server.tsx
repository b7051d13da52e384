import { Writable } from "node:stream";
import type { EntryContext, RouterContextProvider } from "react-router";
import { ServerRouter } from "react-router";
import { renderToPipeableStream } from "react-dom/server";
import { servicesContext } from "~/lib/context.server";

export const streamTimeout = 5_000;

// Every page is rendered whole before it is sent. The loaders await all their data (no page
// defers any), so streaming the shell early gains nothing, while piping React's ~2 kB chunks
// through a web stream cost one write system call each: 3 ms of a 25 ms search page at a
// million innovations. One buffer, one write; crawlers and browsers without JavaScript get
// the same complete page.
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
) {
  const nonce = loadContext.get(servicesContext).nonce;
  return new Promise<Response>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
      final(done) {
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
        done();
      },
    });
    let rendered = false;
    const { pipe, abort } = renderToPipeableStream(<ServerRouter context={routerContext} url={request.url} nonce={nonce} />, {
      nonce,
      onAllReady() {
        rendered = true;
        pipe(sink);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        if (rendered) console.error(error);
      },
    });
    setTimeout(abort, streamTimeout + 1000).unref();
  });
}

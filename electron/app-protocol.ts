import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { appScheme } from './app-url';
import { resolveAppRequest, withAppHeaders } from './app-request';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: appScheme,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    },
  ]);
}

function refusal(status: number, syncServer: string | null): Response {
  return new Response(null, { status, headers: withAppHeaders(new Headers(), syncServer) });
}

/**
 * Serves the built renderer folder; every decision is in resolveAppRequest. `syncServer` is
 * read per response, so a worker started after the server was configured may reach it.
 */
export function serveRenderer(rendererDir: string, syncServer: () => string | null): void {
  protocol.handle(appScheme, async (request) => {
    const resolved = resolveAppRequest(rendererDir, request.url);
    if ('status' in resolved) return refusal(resolved.status, syncServer());
    // A file that is not there makes net.fetch reject: answer it as the 404 it is.
    const response = await net.fetch(pathToFileURL(resolved.file).toString()).catch(() => null);
    if (!response) return refusal(404, syncServer());
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: withAppHeaders(response.headers, syncServer()),
    });
  });
}

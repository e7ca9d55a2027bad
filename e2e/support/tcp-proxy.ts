import net from 'node:net';

/**
 * A TCP relay between the app and the sync server, for the kill test: it can hold back the
 * server's answers, so the server is killed while a round's request has been handled (its
 * writes committed) but not yet answered — the moment where a lost acknowledgement would
 * lose or double a change if anything were wrong. Killing the server closes every relayed
 * connection without the held bytes, as the server's death would.
 */
export class TcpProxy {
  private holding = false;
  private held = 0;
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly server: net.Server,
    readonly url: string,
  ) {}

  static async start(target: () => number): Promise<TcpProxy> {
    let proxy: TcpProxy | null = null;
    const server = net.createServer((client) => {
      const upstream = net.connect(target(), '127.0.0.1');
      proxy!.track(client, upstream);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    proxy = new TcpProxy(server, `http://127.0.0.1:${port}`);
    return proxy;
  }

  private track(client: net.Socket, upstream: net.Socket) {
    this.sockets.add(client).add(upstream);
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      if (this.holding) this.held += chunk.length;
      else client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  }

  /** From now on the server's answers are kept back (and dropped when the server dies). */
  holdAnswers() {
    this.holding = true;
    this.held = 0;
  }

  release() {
    this.holding = false;
  }

  /** Bytes of answers kept back so far. */
  heldBytes(): number {
    return this.held;
  }

  async stop() {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

import { createServer, type Server } from 'node:net';
import { duplexPair } from 'node:stream';
import { Aedes } from 'aedes';
import { MqttClient, type IClientOptions } from 'mqtt';

/** The MQTT port of the embedded broker unless HEADSTAMP_MQTT_PORT says otherwise. */
export const DEFAULT_MQTT_PORT = 1883;

export interface EmbeddedBroker {
  readonly aedes: Aedes;
  /** The TCP port it listens on, or null when it serves in-process clients only. */
  readonly port: number | null;
  /** A client connected in process (no socket): the twin's lines and the ingest subscriber. */
  client(options: IClientOptions): MqttClient;
  close(): Promise<void>;
}

export interface EmbeddedBrokerOptions {
  /** TCP port to listen on; 0 for any free one; null for in process only. Default 1883. */
  readonly port?: number | null;
  /** Address to listen on (default 127.0.0.1: line PCs reach it through the plant's network config). */
  readonly host?: string;
  /** Where to say what happened to the port (default stderr). */
  readonly warn?: (message: string) => void;
}

/**
 * Starts aedes in this process and, when it can, listens on `port`. A port already taken (say,
 * by the machine's Mosquitto) is not an error: the broker says so on `warn` and serves
 * in-process clients only, and lines on the network keep using the other broker
 * (HEADSTAMP_MQTT_URL points the ingest at it).
 *
 * @example
 * const broker = await startEmbeddedBroker({ port: 1883 });
 * const client = broker.client({ clientId: 'twin-L1' });
 * // ...
 * await broker.close();
 */
export async function startEmbeddedBroker(options: EmbeddedBrokerOptions = {}): Promise<EmbeddedBroker> {
  const warn = options.warn ?? ((message: string) => void process.stderr.write(`${message}\n`));
  const aedes = await Aedes.createBroker();
  const wanted = options.port === undefined ? DEFAULT_MQTT_PORT : options.port;
  let server: Server | null = null;
  let port: number | null = null;
  if (wanted !== null) {
    const candidate = createServer((socket) => aedes.handle(socket));
    try {
      port = await listen(candidate, wanted, options.host ?? '127.0.0.1');
      server = candidate;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' && code !== 'EACCES') {
        await closeBroker(aedes);
        throw error;
      }
      warn(
        `headstamp: MQTT port ${wanted} is ${code === 'EADDRINUSE' ? 'already in use (another broker?)' : 'not allowed'}; ` +
          'the embedded broker runs in process only. Set HEADSTAMP_MQTT_PORT to another port, ' +
          'or HEADSTAMP_MQTT_URL to ingest from the broker already there.',
      );
    }
  }
  return {
    aedes,
    port,
    client(clientOptions: IClientOptions): MqttClient {
      // Each (re)connection gets a fresh in-memory pipe to the broker.
      return new MqttClient(() => {
        const [ours, theirs] = duplexPair();
        // Either end closing closes the other, as a socket's would.
        ours.once('close', () => theirs.destroy());
        theirs.once('close', () => ours.destroy());
        aedes.handle(theirs);
        return ours;
      }, clientOptions);
    },
    async close(): Promise<void> {
      // The broker first: it ends its clients' connections, which the server waits for.
      await closeBroker(aedes);
      if (server !== null) {
        const open = server;
        await new Promise<void>((done) => open.close(() => done()));
      }
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

function closeBroker(aedes: Aedes): Promise<void> {
  return new Promise((done) => aedes.close(() => done()));
}

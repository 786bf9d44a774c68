import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface CaughtMail {
  messageId: string;
  to: string[];
  subject: string;
  parsed: ParsedMail;
  raw: string;
}

/**
 * A real SMTP server on a loopback port (the smtp-server package) that keeps what it receives. Every message is
 * counted by its Message-ID: `count(id)` > 1 means it arrived twice.
 */
export interface SmtpSink {
  readonly port: number;
  readonly url: string;
  readonly messages: CaughtMail[];
  count(messageId: string): number;
  distinct(): number;
  /** Server errors other than a client's reset connection. */
  readonly errors: Error[];
  /** Resolves once `n` distinct Message-IDs have arrived (or rejects after `timeoutMs`). */
  waitForDistinct(n: number, timeoutMs?: number): Promise<void>;
  /** Stops accepting connections (as a server that is down), keeping what it received. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpSink(options: { port?: number; parse?: boolean } = {}): Promise<SmtpSink> {
  const messages: CaughtMail[] = [];
  const counts = new Map<string, number>();
  const parse = options.parse ?? true;
  const waiters: (() => void)[] = [];
  const sinkErrors: Error[] = [];
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      // Pooled clients keep connections open; a stop must not wait for them.
      closeTimeout: 200,
      size: 10 * 1024 * 1024,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        // A client that goes away mid-message: the message is discarded, as a real server does.
        stream.on("error", () => {});
        stream.on("end", async () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          const to = session.envelope.rcptTo.map((r) => r.address);
          let messageId: string;
          let subject = "";
          let parsed = undefined as unknown as ParsedMail;
          if (parse) {
            parsed = await simpleParser(raw);
            messageId = parsed.messageId ?? "";
            subject = parsed.subject ?? "";
          } else {
            messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? "";
          }
          messages.push({ messageId, to, subject, parsed, raw });
          counts.set(messageId, (counts.get(messageId) ?? 0) + 1);
          for (const wake of waiters.splice(0)) wake();
          callback();
        });
      },
    });
  let server = make();
  let port = options.port ?? 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        port = (server.server.address() as AddressInfo).port;
        server.off("error", reject);
        // A client killed mid-session resets its connection; a real server logs that and carries on, and an
        // 'error' event without a listener would throw out of the test process instead.
        server.on("error", (error: NodeJS.ErrnoException) => {
          if (error.code !== "ECONNRESET" && error.code !== "EPIPE") sinkErrors.push(error);
        });
        resolve();
      });
    });
  await listen();
  const sink: SmtpSink = {
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    messages,
    count: (id) => counts.get(id) ?? 0,
    distinct: () => counts.size,
    errors: sinkErrors,
    async waitForDistinct(n, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (counts.size < n) {
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(`the SMTP sink has ${counts.size} of ${n} messages after ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, 500));
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async start() {
      server = make();
      await listen();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return sink;
}

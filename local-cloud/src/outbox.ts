import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import type { OutboxMessage } from './openapi/apis';

/** Subscribe messages "sent" by functions, kept in a JSON-lines file so that a developer can list them. */
export class Outbox {
  private readonly messages: OutboxMessage[] = [];

  constructor(private readonly file: string) {
    if (existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (line.trim()) this.messages.push(JSON.parse(line) as OutboxMessage);
      }
    }
  }

  deliver(message: OutboxMessage): void {
    this.messages.push(message);
    appendFileSync(this.file, `${JSON.stringify(message)}\n`);
  }

  list(touser?: string): OutboxMessage[] {
    return touser ? this.messages.filter((m) => m.touser === touser) : [...this.messages];
  }

  clear(): void {
    this.messages.length = 0;
    rmSync(this.file, { force: true });
  }
}

import { AppError } from './errors';
import { type Transaction, transact } from './data';

const ATTEMPTS = 12;

function isConflict(error: unknown): boolean {
  const text = String((error as { errMsg?: string; message?: string })?.errMsg ?? (error as Error)?.message ?? '');
  return /TRANSACTION_CONFLICT|another transaction|changed after the transaction began|conflict/i.test(text);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` in a database transaction. The SDK retries only conflicts found at commit; a write that meets another
 * open transaction's write fails at once, so such runs are retried here after a short random pause.
 */
export async function inTransaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transact(work);
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (!isConflict(error)) throw error;
      if (attempt >= ATTEMPTS) throw new AppError('BUSY');
      await pause(Math.random() * 20 * attempt);
    }
  }
}

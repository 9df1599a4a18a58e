import type { AuditLogDoc } from '../../types';
import { type Transaction, docs } from './data';
import { currentTime } from './clock';

/** Records a grant or a confirmation: who did what to whom, and when (inside the same transaction when given). */
export async function audit(entry: Omit<AuditLogDoc, '_id' | 'at'>, transaction?: Transaction): Promise<void> {
  await docs('auditLogs', transaction).add({ ...entry, at: currentTime() });
}

import type { AuditLogDoc } from '../../types';
import type { Transaction } from './sdk';
import { db } from './sdk';

/** Records a grant or a confirmation: who did what to whom, and when (inside the same transaction when given). */
export async function audit(entry: Omit<AuditLogDoc, '_id' | 'at'>, transaction?: Transaction): Promise<void> {
  const data = { ...entry, at: Date.now() };
  if (transaction) await transaction.collection('auditLogs').add({ data });
  else await db.collection('auditLogs').add({ data });
}

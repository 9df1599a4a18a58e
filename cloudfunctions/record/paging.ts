import type { Paged } from '../../types';
import { PAGE_DEFAULT } from '../../domain/schemas/paging';

/** The SDK answers at most this many documents per read: a list pages through at most this many. */
export const READ_MAX = 1000;

/** Where a page starts (the cursor is the offset a previous page answered; any other cursor starts over) and how long it is. */
export function pageWindow(request: { cursor?: string; limit?: number }): { offset: number; limit: number } {
  const offset = request.cursor && /^\d{1,6}$/.test(request.cursor) ? Number(request.cursor) : 0;
  return { offset, limit: request.limit ?? PAGE_DEFAULT };
}

/** One page of `all` (read up to offset + limit + 1), with the cursor of the next page or null. */
export function pageOf<T>(all: T[], window: { offset: number; limit: number }): Paged<T> {
  const items = all.slice(window.offset, window.offset + window.limit);
  const end = window.offset + items.length;
  return { items, next: all.length > end && end < READ_MAX ? String(end) : null };
}

/** How many documents to read for a page: up to its end and one more (to know whether there is a next page). */
export function readCount(window: { offset: number; limit: number }): number {
  return Math.min(READ_MAX, window.offset + window.limit + 1);
}

/** The mail outbox as tenant administrators read it (RLS: their municipality's mail and account mail). */
import type { Tx } from '../platform/db/types';

export interface OutboxMail {
	id: string;
	kind: string;
	to: string;
	subject: string;
	body: string;
	createdAt: Date;
}

export async function outbox(tx: Tx, limit = 100): Promise<OutboxMail[]> {
	return tx.query<OutboxMail>(
		`select id, kind, to_address as to, subject, body, created_at as "createdAt" from private.mail_outbox order by created_at desc limit $1`,
		[limit]
	);
}

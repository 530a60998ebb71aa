/**
 * 参加支援 in the database, through the server modules exactly as the pages call them: the aal2
 * wall, real names for the assigned only, the workflow the database enforces (the same table as
 * the domain's), follow-ups, the host's reply link, the hourly sweep, and the access log that
 * records every read and change and cannot be edited.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLACEMENT_STATUSES, canTransition, followUpsFor } from '../../src/lib/domain/participation';
import { createOutboxMailer } from '../../src/lib/server/platform/mail/outbox';
import { participantTrail } from '../../src/lib/server/participation/access-log';
import { openingsFor } from '../../src/lib/server/participation/matching';
import { numbersInput } from '../../src/lib/server/participation/numbers';
import { answerHostRequest, signHostLink, sweepHostRequests, viewHostRequest } from '../../src/lib/server/participation/host-link';
import { createParticipant, getParticipant, listParticipants, updateParticipant } from '../../src/lib/server/participation/participants';
import { followUpsOf, issueReplyLink, markAsked, propose, recordStep } from '../../src/lib/server/participation/placements';
import { DEMO_EXAMPLE_OPENING_TITLE } from '../../scripts/seed/index';
import { demoId } from '../../scripts/seed/random';
import { deriveLinkKey } from '../../src/lib/server/platform/links/tokens';
import { onPostgres, openTestDb, sqlState, user, type TestDb } from './helpers';
import { PARTICIPANT_FORM as FORM, TOWN_A, USERS, buildWorld } from './world';

const KEY = deriveLinkKey(new TextEncoder().encode('a-test-secret-that-is-long-enough-0123456789'));
const COLLEAGUE = demoId('test:user:participation-colleague');
const coordinator = user(USERS.coordinator, 'aal2');
const colleague = user(COLLEAGUE, 'aal2');

let db: TestDb;
let exampleArea = '';
let exampleOpening = '';
beforeAll(async () => {
	db = await openTestDb();
	await db.system(buildWorld);
	await db.system(async (tx) => {
		await tx.query(`insert into auth.users (id, email, email_confirmed_at) values ($1, 'colleague-2@test.example', now())`, [COLLEAGUE]);
		await tx.query(
			`insert into public.memberships (user_id, organization_id, municipality_id, role)
			 select $1, id, municipality_id, 'coordinator' from public.organizations where municipality_id = $2 and kind = 'shakyo'`,
			[COLLEAGUE, TOWN_A]
		);
		[{ id: exampleOpening }] = await tx.query<{ id: string }>('select id from public.openings where title = $1', [
			DEMO_EXAMPLE_OPENING_TITLE
		]);
		[{ id: exampleArea }] = await tx.query<{ id: string }>(
			`select a.id from public.areas a join public.places p on p.area_id = a.id join public.openings o on o.place_id = p.id where o.id = $1`,
			[exampleOpening]
		);
	});
});
afterAll(() => db?.close());

async function newParticipant(code: string): Promise<string> {
	const result = await db.as(coordinator, (tx) => createParticipant(tx, TOWN_A, { ...FORM, code, area_id: exampleArea }));
	if (!result.ok) throw new Error(result.reason);
	return result.id;
}

/** An example participant proposed to the example opening and asked through a reply link. */
async function askedPlacement(code: string, askedAt: Date) {
	const participant = await newParticipant(code);
	const proposed = await db.as(coordinator, (tx) => propose(tx, participant, exampleOpening, askedAt));
	if (!proposed.ok) throw new Error(proposed.reason);
	const link = await db.as(coordinator, async (tx) => {
		const asked = await markAsked(tx, proposed.id, 1, 'link', '30代・静かな環境', askedAt);
		expect(asked).toEqual({ ok: true });
		return issueReplyLink(tx, proposed.id, askedAt);
	});
	return { participant, placement: proposed.id, token: await signHostLink(KEY, proposed.id, link.jti, link.expiresAt) };
}

const logOf = (participantId: string) =>
	db.system((tx) =>
		tx.query<{ action: string; record_type: string; actor_kind: string; actor_id: string | null }>(
			'select action, record_type, actor_kind, actor_id from casework.access_log where participant_id = $1 order by id',
			[participantId]
		)
	);

describe('the aal2 wall', () => {
	it('a coordinator without a verified second factor sees no participant and can write none', async () => {
		await newParticipant('T-AAL');
		const aal1 = user(USERS.coordinator, 'aal1');
		expect(await db.as(aal1, (tx) => tx.query('select * from casework.participants'))).toEqual([]);
		expect(await sqlState(() => db.as(aal1, (tx) => createParticipant(tx, TOWN_A, { ...FORM, code: 'T-AAL1' })))).toBe('42501');
		expect(
			await sqlState(() =>
				db.as(aal1, (tx) => tx.query(`select private.issue_host_reply_link($1, now() + interval '1 day')`, [crypto.randomUUID()]))
			)
		).toBe('42501');
	});
});

describe('participants', () => {
	it('the creator is assigned and reads the real name; a colleague reads the record but not the name', async () => {
		const id = await newParticipant('T-NAME');
		const mine = await db.as(coordinator, (tx) => getParticipant(tx, id));
		expect(mine).toMatchObject({
			code: 'T-NAME',
			realName: '試験 太郎',
			assignedToMe: true,
			availability: [{ weekday: 4, start: '08:00', end: '12:00' }]
		});
		const theirs = await db.as(colleague, (tx) => getParticipant(tx, id));
		expect(theirs).toMatchObject({ code: 'T-NAME', realName: null, assignedToMe: false });
		// an unassigned colleague's save leaves the name alone
		const saved = await db.as(colleague, (tx) =>
			updateParticipant(tx, id, { ...FORM, code: 'T-NAME', real_name: '', version: theirs!.version })
		);
		expect(saved).toEqual({ ok: true, id });
		expect((await db.as(coordinator, (tx) => getParticipant(tx, id)))!.realName).toBe('試験 太郎');
	});

	it('refuses a code already used in the town, and a save from a stale version', async () => {
		const id = await newParticipant('T-DUP');
		expect(await db.as(coordinator, (tx) => createParticipant(tx, TOWN_A, { ...FORM, code: 'T-DUP' }))).toEqual({
			ok: false,
			reason: 'duplicate_code'
		});
		expect(await db.as(coordinator, (tx) => updateParticipant(tx, id, { ...FORM, code: 'T-DUP', version: 1 }))).toEqual({ ok: true, id });
		expect(await db.as(coordinator, (tx) => updateParticipant(tx, id, { ...FORM, code: 'T-DUP', notes: 'later', version: 1 }))).toEqual({
			ok: false,
			reason: 'conflict'
		});
		const [row] = await db.system((tx) =>
			tx.query<{ notes: string | null }>('select notes from casework.participants where id = $1', [id])
		);
		expect(row.notes).toBeNull();
	});

	// issue 13: the list grows for years; it is read a page at a time, and only that page is logged
	it('the list comes a page at a time, in code order, with the total; only the rows shown are logged as read', async () => {
		const { total, participants: all } = await db.as(coordinator, (tx) => listParticipants(tx));
		expect(total).toBeGreaterThanOrEqual(3);
		const listed = async () =>
			Object.fromEntries(
				(
					await db.system((tx) =>
						tx.query<{ id: string; n: number }>(
							`select record_id as id, count(*)::int as n from casework.access_log
							 where action = 'list' and actor_id = $1 group by record_id`,
							[USERS.coordinator]
						)
					)
				).map((r) => [r.id, r.n])
			);
		const first = await db.as(coordinator, (tx) => listParticipants(tx, 1, 2));
		const before = await listed();
		const second = await db.as(coordinator, (tx) => listParticipants(tx, 2, 2));
		const after = await listed();
		expect(first.total).toBe(total);
		expect(first.participants).toHaveLength(2);
		expect(second.participants.length).toBeGreaterThanOrEqual(1);
		const codes = [...first.participants, ...second.participants].map((p) => p.code);
		expect(codes).toEqual(all.slice(0, codes.length).map((p) => p.code));
		expect(new Set(codes).size).toBe(codes.length);
		// reading page 2 logged page 2's rows once each, and nobody else's
		const logged = all.filter((p) => (after[p.id] ?? 0) - (before[p.id] ?? 0) === 1).map((p) => p.id);
		expect(logged).toEqual(second.participants.map((p) => p.id));
		expect((await db.as(coordinator, (tx) => listParticipants(tx, 1000, 2))).participants).toEqual([]);
	});

	it('every read and change is in the access log, by whom, in the same transaction', async () => {
		const id = await newParticipant('T-LOG');
		await db.as(coordinator, (tx) => getParticipant(tx, id));
		await db.as(colleague, (tx) => listParticipants(tx));
		const log = await logOf(id);
		expect(log.filter((l) => l.actor_id === USERS.coordinator).map((l) => `${l.action}:${l.record_type}`)).toEqual(
			expect.arrayContaining([
				'create:participant',
				'create:assignment',
				'create:participant_name',
				'view:participant',
				'view:participant_name'
			])
		);
		expect(log.some((l) => l.actor_id === COLLEAGUE && l.action === 'list')).toBe(true);
		// a read that fails takes its log entry with it: the two are one transaction
		const before = (await logOf(id)).length;
		await expect(
			db.as(coordinator, async (tx) => {
				await getParticipant(tx, id);
				throw new Error('page failed');
			})
		).rejects.toThrow('page failed');
		expect((await logOf(id)).length).toBe(before);
	});

	it('the trail of a participant is for their assigned coordinators: who, what, newest first', async () => {
		const id = await newParticipant('T-TRAIL');
		await db.as(colleague, (tx) => getParticipant(tx, id));
		const trail = await db.as(coordinator, (tx) => participantTrail(tx, id));
		expect(trail[0]).toMatchObject({ actorKind: 'user', action: 'view', recordType: 'participant' });
		expect(trail.some((t) => t.action === 'create' && t.recordType === 'participant')).toBe(true);
		expect(await db.as(colleague, (tx) => participantTrail(tx, id))).toEqual([]);
	});

	it('the log cannot be edited or emptied, not even by a tenant admin, who may read it', async () => {
		const id = await newParticipant('T-APPEND');
		const admin = user(USERS.tenantAdmin, 'aal2');
		expect(
			(await db.as(admin, (tx) => tx.query('select 1 from casework.access_log where participant_id = $1', [id]))).length
		).toBeGreaterThan(0);
		expect(await sqlState(() => db.as(admin, (tx) => tx.query('delete from casework.access_log where participant_id = $1', [id])))).toBe(
			'42501'
		);
		expect(
			await sqlState(() =>
				db.as(coordinator, (tx) => tx.query(`update casework.access_log set action = 'view' where participant_id = $1`, [id]))
			)
		).toBe('42501');
		// nobody logs a change in someone else's name
		expect(
			await sqlState(() =>
				db.as(coordinator, (tx) =>
					tx.query(
						`insert into casework.access_log (municipality_id, actor_id, action, record_type) values ($1, $2, 'view', 'participant')`,
						[TOWN_A, COLLEAGUE]
					)
				)
			)
		).toBe('42501');
	});
});

describe('placements', () => {
	it('the database allows exactly the transitions of the domain workflow', async () => {
		const rows = await db.system((tx) =>
			tx.query<{ a: string; b: string; ok: boolean }>(
				`select a, b, private.placement_transition_allowed(a, b) as ok from unnest($1::text[]) a, unnest($1::text[]) b`,
				[[...PLACEMENT_STATUSES]]
			)
		);
		expect(rows).toHaveLength(PLACEMENT_STATUSES.length ** 2);
		expect(rows.filter((r) => r.ok !== canTransition(r.a as never, r.b as never))).toEqual([]);
	});

	it('the example participant is matched to the example opening with reasons', async () => {
		const id = await newParticipant('T-MATCH');
		const ranked = await db.as(coordinator, (tx) => openingsFor(tx, id, new Date()));
		const match = ranked!.matches.find((m) => m.openingId === exampleOpening);
		expect(match?.sentence).toMatch(/^木曜午前に合う・徒歩\d+分・同伴可・静かな環境・本が好き$/);
	});

	it('a proposal copies the opening, cannot be made twice, and walks only the workflow', async () => {
		const participant = await newParticipant('T-FLOW');
		const now = new Date();
		const first = await db.as(coordinator, (tx) => propose(tx, participant, exampleOpening, now));
		expect(first.ok).toBe(true);
		expect(await db.as(coordinator, (tx) => propose(tx, participant, exampleOpening, now))).toEqual({ ok: false, reason: 'already' });
		const id = (first as { id: string }).id;
		const [row] = await db.system((tx) =>
			tx.query<{ opening_title: string; status: string; reasons: string }>('select * from casework.placements where id = $1', [id])
		);
		expect(row).toMatchObject({ opening_title: DEMO_EXAMPLE_OPENING_TITLE, status: 'proposed' });
		expect(row.reasons).toMatch(/^木曜午前に合う/);
		// the domain refuses a jump, and so does the database
		expect(await db.as(coordinator, (tx) => recordStep(tx, id, 1, 'active', '2026-12-03', null, null))).toEqual({
			ok: false,
			reason: 'not_allowed'
		});
		expect(
			await sqlState(() =>
				db.as(coordinator, (tx) =>
					tx.query(`update casework.placements set status = 'active', started_on = '2026-12-03' where id = $1`, [id])
				)
			)
		).toBe('23514');
		// a stale version loses
		expect(await db.as(coordinator, (tx) => markAsked(tx, id, 99, 'phone', null, now))).toEqual({ ok: false, reason: 'conflict' });
	});

	it('a start before the trial visit, or an end before the start, is refused and changes nothing', async () => {
		const { placement } = await askedPlacement('T-ORDER', new Date());
		await db.system((tx) =>
			tx.query(`update casework.placements set status = 'accepted', host_reply = 'ok', host_replied_at = now() where id = $1`, [placement])
		);
		await db.as(coordinator, (tx) => recordStep(tx, placement, 3, 'trial_visit', '2026-12-05', null, null));
		expect(await db.as(coordinator, (tx) => recordStep(tx, placement, 4, 'active', '2026-12-04', null, null))).toEqual({
			ok: false,
			reason: 'too_early',
			after: '2026-12-05'
		});
		expect(await db.as(coordinator, (tx) => recordStep(tx, placement, 4, 'active', '2026-12-05', null, null))).toEqual({ ok: true });
		expect(await db.as(coordinator, (tx) => recordStep(tx, placement, 5, 'ended', '2026-12-01', 'health', null))).toEqual({
			ok: false,
			reason: 'too_early',
			after: '2026-12-05'
		});
		const [row] = await db.system((tx) =>
			tx.query<{ status: string }>('select status from casework.placements where id = $1', [placement])
		);
		expect(row.status).toBe('active');
	});

	it('starting schedules the 1-week, 1-month and 3-month follow-ups on the domain dates', async () => {
		const { placement } = await askedPlacement('T-START', new Date());
		await db.as(coordinator, async (tx) => {
			await tx.query(`update casework.placements set status = 'accepted', host_reply = 'ok', host_replied_at = now() where id = $1`, [
				placement
			]);
			expect(await recordStep(tx, placement, 3, 'active', '2026-01-31', null, null)).toEqual({ ok: true });
		});
		const followUps = await db.as(coordinator, (tx) => followUpsOf(tx, placement));
		expect(followUps.map((f) => [f.kind, f.dueOn])).toEqual(followUpsFor('2026-01-31').map((f) => [f.kind, f.dueOn]));
		expect(followUps.map((f) => f.dueOn)).toEqual(['2026-02-07', '2026-02-28', '2026-04-30']);
	});
});

describe('the host reply link', () => {
	it('shows only the shared summary, takes one answer, and logs both as the host link', async () => {
		const { participant, placement, token } = await askedPlacement('T-HOST', new Date());
		const view = await viewHostRequest(db.driver, KEY, token);
		expect(view.state).toBe('open');
		expect(view.request).toMatchObject({ openingTitle: DEMO_EXAMPLE_OPENING_TITLE, hostSummary: '30代・静かな環境' });
		expect(JSON.stringify(view.request)).not.toContain('T-HOST');
		expect(
			await answerHostRequest(db.driver, KEY, token, {
				answer: 'ok',
				trialVisitDates: ['2026-12-10'],
				reason: null,
				message: 'お待ちしています'
			})
		).toBe('done');
		expect(
			await answerHostRequest(db.driver, KEY, token, { answer: 'difficult', trialVisitDates: [], reason: 'full', message: null })
		).toBe('used');
		const [row] = await db.system((tx) =>
			tx.query<{ status: string; trial_visit_dates: string[]; host_message: string }>(
				'select status, trial_visit_dates::text[], host_message from casework.placements where id = $1',
				[placement]
			)
		);
		expect(row).toEqual({ status: 'accepted', trial_visit_dates: ['2026-12-10'], host_message: 'お待ちしています' });
		expect((await logOf(participant)).filter((l) => l.actor_kind === 'host_link').map((l) => l.action)).toEqual(['view', 'update']);
	});

	it('refuses forged, expired and other-purpose links', async () => {
		const { token } = await askedPlacement('T-FORGE', new Date());
		const [head, body] = token.split('.');
		expect((await viewHostRequest(db.driver, KEY, `${head}.${body}.AAAA`)).state).toBe('invalid');
		expect(
			(await viewHostRequest(db.driver, deriveLinkKey(new TextEncoder().encode('another-secret-that-is-long-enough-98765')), token)).state
		).toBe('invalid');
		expect((await viewHostRequest(db.driver, KEY, token, new Date(Date.now() + 8 * 86_400_000))).state).toBe('expired');
	});

	it('the sweep reminds after 3 days with a fresh link and expires after 7', async () => {
		const now = new Date();
		const recent = await askedPlacement('T-REMIND', now);
		const old = await askedPlacement('T-EXPIRE', now);
		// as if asked 4 and 8 days ago
		await db.system(async (tx) => {
			await tx.query(`update casework.placements set asked_at = asked_at - interval '4 days' where id = $1`, [recent.placement]);
			await tx.query(`update casework.placements set asked_at = asked_at - interval '8 days' where id = $1`, [old.placement]);
		});
		const result = await sweepHostRequests({
			driver: db.driver,
			mailer: createOutboxMailer(db.driver),
			linkKey: KEY,
			origin: 'http://localhost',
			now
		});
		expect(result.expired).toBeGreaterThanOrEqual(1);
		const status = (id: string) =>
			db.system(
				async (tx) =>
					(
						await tx.query<{ status: string; reminded_at: Date | null }>(
							'select status, reminded_at from casework.placements where id = $1',
							[id]
						)
					)[0]
			);
		expect(await status(old.placement)).toMatchObject({ status: 'expired' });
		expect((await status(recent.placement)).reminded_at).not.toBeNull();
		const mails = await db.system((tx) =>
			tx.query<{ subject: string; body: string }>(`select subject, body from private.mail_outbox where kind = 'host_reminder'`)
		);
		expect(mails.some((m) => m.subject.includes(DEMO_EXAMPLE_OPENING_TITLE) && /http:\/\/localhost\/host-reply\//.test(m.body))).toBe(true);
		// the first link still works until the request is answered
		expect((await viewHostRequest(db.driver, KEY, recent.token)).state).toBe('open');
		// a second sweep sends no second reminder
		const again = await sweepHostRequests({
			driver: db.driver,
			mailer: createOutboxMailer(db.driver),
			linkKey: KEY,
			origin: 'http://localhost',
			now
		});
		expect(again.reminded).toBe(0);
	});
});

describe('numbers', () => {
	it('reads the rows for a coordinator, logs one numbers read, and gives nothing at aal1', async () => {
		const input = await db.as(coordinator, (tx) => numbersInput(tx, TOWN_A, 'export'));
		expect(input.participants.length).toBeGreaterThan(5);
		expect(input.placements.length).toBeGreaterThan(0);
		const [log] = await db.system((tx) =>
			tx.query<{ n: number }>(`select count(*)::int as n from casework.access_log where record_type = 'numbers' and action = 'export'`)
		);
		expect(log.n).toBe(1);
		// at aal1 the rows come back empty and the read cannot even be logged
		expect(await db.as(user(USERS.coordinator, 'aal1'), (tx) => tx.query('select * from casework.placements'))).toEqual([]);
		expect(await sqlState(() => db.as(user(USERS.coordinator, 'aal1'), (tx) => numbersInput(tx, TOWN_A, 'view')))).toBe('42501');
	});
});

// PGlite runs one transaction at a time; races are real only on a server.
if (onPostgres)
	describe('double submits and simultaneous answers (PostgreSQL)', () => {
		it('the same proposal sent twice at once makes one placement', async () => {
			const participant = await newParticipant('T-RACE');
			const now = new Date();
			const results = await Promise.all([1, 2].map(() => db.as(coordinator, (tx) => propose(tx, participant, exampleOpening, now))));
			expect(results.filter((r) => r.ok)).toHaveLength(1);
			expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'already' }]);
			const rows = await db.system((tx) => tx.query('select 1 from casework.placements where participant_id = $1', [participant]));
			expect(rows).toHaveLength(1);
		});

		it('a host tapping twice and two coordinators recording at once: one answer, one step', async () => {
			const { placement, token } = await askedPlacement('T-TAPS', new Date());
			const answers = await Promise.all(
				[1, 2].map(() =>
					answerHostRequest(db.driver, KEY, token, { answer: 'ok', trialVisitDates: ['2026-12-10'], reason: null, message: null })
				)
			);
			expect([...answers].sort()).toEqual(['done', 'used']);
			const [{ version }] = await db.system((tx) =>
				tx.query<{ version: number }>('select version from casework.placements where id = $1', [placement])
			);
			const steps = await Promise.all(
				[coordinator, colleague].map((who) =>
					db.as(who, (tx) => recordStep(tx, placement, version, 'withdrawn', '2026-12-01', 'found_elsewhere', null))
				)
			);
			expect(steps.filter((s) => s.ok)).toHaveLength(1);
			expect(steps.filter((s) => !s.ok)).toEqual([{ ok: false, reason: expect.stringMatching(/^(conflict|not_allowed)$/) }]);
		});
	});

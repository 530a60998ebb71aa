import { error, fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { label } from '$lib/i18n/index';
import { parseCategory, parseScheduleText } from '$lib/domain/registration/import';
import { scheduleOf } from '$lib/domain/registration/place-values';
import { describe } from '$lib/domain/shared/schedule';
import { importCommitSchema, importRowsSchema, importUploadSchema } from '$lib/domain/registration/schemas/index';
import { todayJst } from '$lib/domain/shared/wareki';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { refreshOccurrences } from '$lib/server/places/occurrences';
import { refused } from '$lib/server/platform/route-params';
import {
	commitImport,
	importTargets,
	previewImport,
	readUpload,
	type CommitRow,
	type UploadProblem
} from '$lib/server/registration/import';
import { services } from '$lib/server/platform/services';
import { type StaffRoles, requireStaff } from '$lib/server/platform/staff';
import type { Actions, PageServerLoad } from './$types';

/** Bulk import is the moderators' work (社協), not the tenant admin's. */
const importsPlaces = (r: StaffRoles) => r.moderator;

const UPLOAD_PROBLEM: Record<UploadProblem, () => string> = {
	type: m.reg_import_bad_type,
	unreadable: m.reg_import_unreadable,
	empty: m.reg_import_empty,
	too_large: m.reg_import_too_large,
	no_name_column: m.reg_import_no_name_column
};

export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	await requireStaff(event, importsPlaces);
	const form = await superValidate({ verified_on: todayJst(new Date()), publish: true }, zod4(importUploadSchema), { errors: false });
	return { form, targets: await locals.db(importTargets), done: url.searchParams.get('done'), skipped: url.searchParams.get('skipped') };
};

export const actions: Actions = {
	preview: async (event) => {
		const { request, locals } = event;
		await requireStaff(event, importsPlaces);
		const data = await request.formData();
		const form = await superValidate(data, zod4(importUploadSchema));
		if (!form.valid) return fail(400, { form });
		const file = data.get('file');
		if (!(file instanceof File) || file.size === 0) {
			form.message = m.reg_import_choose();
			return fail(400, { form });
		}
		const read = await readUpload(new Uint8Array(await file.arrayBuffer()), file.name);
		if (!read.ok) {
			form.message = UPLOAD_PROBLEM[read.problem]();
			return fail(400, { form });
		}
		const { geocoder } = await services();
		const locale = getLocale();
		const result = await locals.db(async (tx) => {
			const [target] = await importTargets(tx);
			if (!target) return null;
			return { target, ...(await previewImport(tx, target.municipalityId, read.table, geocoder)) };
		});
		if (!result) error(403, m.reg_forbidden());
		if (!result.hasNameColumn) {
			form.message = m.reg_import_no_name_column();
			return fail(400, { form });
		}
		const ask = m.reg_import_schedule_ask();
		return {
			form,
			preview: {
				importId: crypto.randomUUID(),
				municipalityId: result.target.municipalityId,
				fileName: file.name.slice(0, 200),
				verifiedOn: form.data.verified_on,
				publish: form.data.publish,
				tooMany: result.tooMany,
				rows: result.rows.map((r) => {
					const parsed = parseScheduleText(r.values.schedule, form.data.verified_on, ask);
					const s = scheduleOf(parsed.fields);
					return {
						line: r.line,
						original: r.original,
						values: r.values,
						lon: r.lon,
						lat: r.lat,
						category: r.values.category ? label('category', r.values.category) : '',
						schedule: s && s.rrule ? describe(s, locale) : parsed.fields.schedule_note,
						scheduleUnderstood: parsed.understood,
						geocoded: r.geocoded,
						located: !!(r.lon && r.lat),
						problems: r.problems.map((p) => ({
							field: p.field,
							text: (m as unknown as Record<string, () => string>)[`reg_import_problem_${p.problem}`]?.() ?? p.problem
						})),
						duplicate: r.duplicate,
						duplicateOfLine: r.duplicateOfLine,
						organizationExists: r.organizationExists
					};
				})
			}
		};
	},

	commit: async (event) => {
		const { request, locals } = event;
		await requireStaff(event, importsPlaces);
		const form = await superValidate(request, zod4(importCommitSchema));
		if (!form.valid) error(400, m.reg_error_form_expired());
		let rows;
		try {
			rows = importRowsSchema.parse(JSON.parse(form.data.rows));
		} catch {
			error(400, m.reg_error_form_expired());
		}
		const chosen: CommitRow[] = rows
			.filter((r) => form.data.include.includes(r.line))
			.map((r) => ({ ...r, values: { ...r.values, category: parseCategory(r.values.category) ?? '' } }));
		const result = await refused(() =>
			locals.db(async (tx) => {
				const target = (await importTargets(tx)).find((t) => t.municipalityId === form.data.municipality_id);
				if (!target) return null;
				return commitImport(tx, chosen, {
					importId: form.data.import_id,
					municipalityId: target.municipalityId,
					fileName: form.data.file_name,
					verifiedOn: form.data.verified_on,
					publish: form.data.publish,
					fallbackOrganizationId: target.organizationId,
					askNote: m.reg_import_schedule_ask()
				});
			})
		);
		if (!result.ok || !result.value) error(403, m.reg_forbidden());
		if (result.value.activityIds.length) await refreshOccurrences((await services()).driver, new Date(), result.value.activityIds);
		redirect(303, localizeHref(`/moderation/import?done=${result.value.created}&skipped=${result.value.skipped}`));
	}
};

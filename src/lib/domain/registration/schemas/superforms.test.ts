/** Every registration schema works with superforms' zod4 adapter (defaults, FormData, no-JS posts). */
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { describe, expect, it } from 'vitest';
import * as account from './index';
import * as listing from './place';

const schemas = {
	signUp: account.signUpSchema,
	organization: account.organizationSchema,
	newOrganization: account.newOrganizationSchema,
	invitation: account.invitationSchema,
	review: account.reviewSchema,
	phone: account.phoneConfirmationSchema,
	suggestion: account.suggestionSchema,
	photo: account.photoSchema,
	importUpload: account.importUploadSchema,
	importCommit: account.importCommitSchema,
	place: listing.placeSchema,
	activity: listing.activitySchema,
	listing: listing.newPlaceSchema,
	opening: listing.openingSchema
};

describe('superforms', () => {
	for (const [name, schema] of Object.entries(schemas))
		it(`${name}: defaults and an empty post work`, async () => {
			const empty = await superValidate(zod4(schema as never));
			expect(empty.valid).toBe(false);
			const posted = await superValidate(new FormData(), zod4(schema as never));
			expect(posted.valid).toBe(false);
		});

	it('a no-JS post of the listing form keeps arrays, booleans and what was typed', async () => {
		const fd = new FormData();
		fd.set('name', '<b>x</b>');
		for (const v of ['2', '4']) fd.append('nths', v);
		fd.set('closed_year_end', 'on');
		fd.set('start_time', '１１：００');
		const form = await superValidate(fd, zod4(listing.newPlaceSchema));
		expect(form.valid).toBe(false);
		expect(form.data).toMatchObject({ name: '<b>x</b>', nths: ['2', '4'], closed_year_end: true, start_time: '１１：００' });
		expect(form.errors.name).toEqual(['HTMLのタグ（< > で囲んだ記号）は使えません']);
		expect(form.errors.start_time).toBeUndefined();
	});
});

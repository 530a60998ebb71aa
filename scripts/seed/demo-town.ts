/**
 * ひだまり市 — a fictional town for the demo and the tests. No real person or organisation.
 * Pure data: built deterministically from a seed; seed/index.ts writes it.
 */
import type {
	Accommodation,
	AreaKind,
	Category,
	DisclosureLevel,
	MembershipRole,
	OrganizationKind,
	PlaceStatus,
	TargetGroup,
	VenueType
} from '$lib/domain/shared/taxonomy';
import { demoId, seededRandom, type Random } from './random';

export const DEMO_PASSWORD = 'hidamari-demo-2026';

export const DEMO_MUNICIPALITY = {
	id: demoId('municipality:hidamari'),
	// 22 (静岡県) + 999 — no real municipality has this code; 7 is its check digit
	code: '229997',
	name: 'ひだまり市',
	prefecture: '静岡県'
};

/** The town's extent: about 11 km × 11 km. */
const BOUNDS = { west: 138.35, east: 138.47, south: 34.93, north: 35.03 };

export interface DemoArea {
	id: string;
	parentId: string | null;
	kind: AreaKind;
	tier: 1 | 2 | null;
	name: string;
	/** west, south, east, north */
	box: [number, number, number, number];
}

export interface DemoOrganization {
	id: string;
	kind: OrganizationKind;
	name: string;
	nameKana: string;
	phone: string;
	email: string;
}

export interface DemoUser {
	id: string;
	email: string;
	displayName: string;
	role: MembershipRole;
	organizationId: string;
}

export interface DemoSchedule {
	rrule: string | null;
	dtstart: string;
	startTime: string | null;
	endTime: string | null;
	holidayPolicy: 'skip' | 'hold';
	closures: { kind: 'annual'; from: string; to: string; label?: string }[];
	scheduleNote: string | null;
}

export interface DemoPlace {
	id: string;
	organizationId: string;
	areaId: string;
	name: string;
	summary: string;
	description: string;
	category: Category;
	targetGroups: TargetGroup[];
	accommodations: Accommodation[];
	venueType: VenueType;
	venueName: string;
	feeYen: number | null;
	feeNote: string | null;
	accessibility: string | null;
	accessNote: string | null;
	contactPhone: string;
	disclosure: DisclosureLevel;
	status: PlaceStatus;
	/** days before the seed date when staff last confirmed the listing */
	verifiedDaysAgo: number | null;
	lon: number;
	lat: number;
	address: string;
	activity: DemoSchedule & { title: string };
}

export interface DemoOpening {
	id: string;
	placeId: string;
	organizationId: string;
	title: string;
	description: string;
	capacity: number;
	accommodations: Accommodation[];
	targetGroups: TargetGroup[];
	ageMin: number | null;
	ageMax: number | null;
	visibility: 'public' | 'coordinators';
	schedule: DemoSchedule;
	/** matching tags (INTERESTS codes, domain/shared/taxonomy) and goals the opening suits */
	interests: string[];
	goals: string[];
}

export interface DemoTown {
	areas: DemoArea[];
	organizations: DemoOrganization[];
	users: DemoUser[];
	places: DemoPlace[];
	openings: DemoOpening[];
	/** the 自治会 of the example opening's place (see exampleOpening) */
	exampleAreaName: string;
}

const SPHERES = [
	{ name: '北部圏域', districts: ['桜ヶ丘', '北山', '梅田台'] },
	{ name: '中部圏域', districts: ['本町', '駅前', '川端'] },
	{ name: '南部圏域', districts: ['南浜', '港', '松原'] }
];

function split(box: DemoArea['box'], parts: number, axis: 'x' | 'y'): DemoArea['box'][] {
	const [w, s, e, n] = box;
	return Array.from({ length: parts }, (_, i) =>
		axis === 'x'
			? [w + ((e - w) * i) / parts, s, w + ((e - w) * (i + 1)) / parts, n]
			: [w, n - ((n - s) * (i + 1)) / parts, e, n - ((n - s) * i) / parts]
	);
}

/** 圏域 (bands north to south) → 地区 → 小学校区 → 自治会 (one per 丁目). */
function buildAreas(): DemoArea[] {
	const areas: DemoArea[] = [];
	const bands = split([BOUNDS.west, BOUNDS.south, BOUNDS.east, BOUNDS.north], 3, 'y');
	SPHERES.forEach((sphere, si) => {
		const sphereArea: DemoArea = {
			id: demoId(`area:${sphere.name}`),
			parentId: null,
			kind: 'sphere',
			tier: 2,
			name: sphere.name,
			box: bands[si]
		};
		areas.push(sphereArea);
		split(bands[si], 3, 'x').forEach((districtBox, di) => {
			const name = sphere.districts[di];
			const district: DemoArea = {
				id: demoId(`area:${name}地区`),
				parentId: sphereArea.id,
				kind: 'district',
				tier: null,
				name: `${name}地区`,
				box: districtBox
			};
			areas.push(district);
			split(districtBox, 2, 'y').forEach((schoolBox, ci) => {
				const schoolName = ci === 0 ? `${name}小学校区` : `${name}第二小学校区`;
				const school: DemoArea = {
					id: demoId(`area:${schoolName}`),
					parentId: district.id,
					kind: 'school_district',
					tier: null,
					name: schoolName,
					box: schoolBox
				};
				areas.push(school);
				split(schoolBox, 2, 'x').forEach((nbBox, ni) => {
					const chome = ci * 2 + ni + 1;
					areas.push({
						id: demoId(`area:${name}${chome}丁目自治会`),
						parentId: school.id,
						kind: 'neighborhood',
						tier: null,
						name: `${name}${chome}丁目自治会`,
						box: nbBox
					});
				});
			});
		});
	});
	return areas;
}

const org = (key: string, kind: OrganizationKind, name: string, nameKana: string, n: number): DemoOrganization => ({
	id: demoId(`org:${key}`),
	kind,
	name,
	nameKana,
	phone: `054-000-${String(1000 + n * 11).slice(-4)}`,
	email: `${key}@hidamari.example`
});

export const DEMO_ORGS = {
	shakyo: org('shakyo', 'shakyo', 'ひだまり市社会福祉協議会', 'ひだまりししゃかいふくしきょうぎかい', 1),
	city: org('city', 'municipal_dept', 'ひだまり市 福祉部 地域福祉課', 'ひだまりし ちいきふくしか', 2),
	houkatsu: org('houkatsu', 'agency', 'ひだまり市南部地域包括支援センター', 'なんぶちいきほうかつしえんせんたー', 3),
	kodomo: org('kodomo', 'npo', 'NPO法人 こどもの未来ひだまり', 'こどものみらいひだまり', 4),
	honmachi: org('honmachi', 'neighborhood_assoc', '本町自治会連合会', 'ほんまちじちかいれんごうかい', 5),
	sakura: org('sakura', 'neighborhood_assoc', '桜ヶ丘町内会', 'さくらがおかちょうないかい', 6),
	midori: org('midori', 'corporation', '社会福祉法人 みどり会', 'みどりかい', 7),
	himawari: org('himawari', 'volunteer_group', 'ボランティアグループ ひまわり', 'ひまわり', 8),
	shoten: org('shoten', 'company', '株式会社 ひだまり商店', 'ひだまりしょうてん', 9),
	minato: org('minato', 'npo', 'NPO法人 みなとの居場所', 'みなとのいばしょ', 10),
	tera: org('tera', 'volunteer_group', '光明寺 てらこやの会', 'こうみょうじてらこやのかい', 11),
	farm: org('farm', 'npo', 'NPO法人 はたけと手しごと', 'はたけとてしごと', 12)
} satisfies Record<string, DemoOrganization>;

export const DEMO_USERS: DemoUser[] = [
	{ key: 'volunteer', name: '山田 花子（ボランティア）', role: 'volunteer', org: DEMO_ORGS.kodomo },
	{ key: 'moderator', name: '佐藤 一郎（社協 モデレーター）', role: 'moderator', org: DEMO_ORGS.shakyo },
	{ key: 'coordinator', name: '鈴木 美咲（CSW）', role: 'coordinator', org: DEMO_ORGS.shakyo },
	{ key: 'agency', name: '高橋 健（包括 職員）', role: 'agency_staff', org: DEMO_ORGS.houkatsu },
	{ key: 'admin', name: '田中 誠（地域福祉課）', role: 'admin', org: DEMO_ORGS.city }
].map((u) => ({
	id: demoId(`user:${u.key}`),
	email: `${u.key}@hidamari.example`,
	displayName: u.name,
	role: u.role as MembershipRole,
	organizationId: u.org.id
}));

const NICE_WORDS = [
	'ひまわり',
	'たんぽぽ',
	'さくら',
	'もみじ',
	'すずらん',
	'あじさい',
	'けやき',
	'なでしこ',
	'こすもす',
	'つくし',
	'やまぶき',
	'わかば'
];
const TEMPLES = ['光明寺', '正覚寺', '円福寺', '西林寺', '浄土院'];

interface CategoryPlan {
	count: number;
	orgs: DemoOrganization[];
	names: (r: Random, district: string, word: string) => string;
	summary: string;
	venues: VenueType[];
	targets: TargetGroup[][];
	accommodations: Accommodation[];
	fee: () => number | null;
	schedules: Omit<DemoSchedule, 'dtstart' | 'closures'>[];
	activityTitle: string;
}

const YEAR_END = { kind: 'annual' as const, from: '12-29', to: '01-03', label: '年末年始' };
const AUGUST = { kind: 'annual' as const, from: '08-01', to: '08-31', label: '8月' };

const weekly = (days: string, start: string, end: string, holidayPolicy: 'skip' | 'hold' = 'skip') => ({
	rrule: `FREQ=WEEKLY;BYDAY=${days}`,
	startTime: start,
	endTime: end,
	holidayPolicy,
	scheduleNote: null
});
const monthlyNth = (byday: string, start: string, end: string) => ({
	rrule: `FREQ=MONTHLY;BYDAY=${byday}`,
	startTime: start,
	endTime: end,
	holidayPolicy: 'skip' as const,
	scheduleNote: null
});

function plans(r: Random): Record<Category, CategoryPlan> {
	const O = DEMO_ORGS;
	return {
		salon: {
			count: 30,
			orgs: [O.honmachi, O.sakura, O.himawari, O.shakyo],
			names: (_, d, w) => r.pick([`${d}ふれあいサロン`, `いきいきサロン ${w}`, `お茶のみサロン ${w}`, `${d}${w}サロン`]),
			summary: 'お茶を飲みながらおしゃべりや体操、季節の行事を楽しむ集まりです。',
			venues: ['community_center', 'meeting_hall'],
			targets: [['elderly'], ['elderly', 'anyone']],
			accommodations: ['solo_ok', 'observe_ok', 'no_reservation', 'leave_early_ok', 'barrier_free', 'pickup'],
			fee: () => r.pick([100, 200, 300]),
			schedules: [
				monthlyNth('2WE,4WE', '10:00', '12:00'),
				monthlyNth('2TU,4TU', '10:00', '12:00'),
				monthlyNth('1TH', '13:30', '15:30'),
				monthlyNth('3MO', '10:00', '11:30'),
				monthlyNth('1FR,3FR', '13:30', '15:00')
			],
			activityTitle: 'サロン'
		},
		ibasho: {
			count: 18,
			orgs: [O.minato, O.tera, O.himawari, O.shakyo],
			names: (_, d, w) =>
				r.pick([`まちの縁側 ${w}`, `居場所カフェ ${w}`, `${r.pick(TEMPLES)} てらカフェ`, `ほっとスペース ${d}`, `よりみち${w}`]),
			summary: '予約なしで立ち寄れる居場所です。話さずに過ごすだけでも大丈夫です。',
			venues: ['vacant_house', 'temple', 'shop'],
			targets: [['anyone'], ['youth', 'hikikomori'], ['children', 'anyone']],
			accommodations: ['solo_ok', 'observe_ok', 'no_reservation', 'no_talking_ok', 'leave_early_ok', 'small_group', 'quiet'],
			fee: () => r.pick([0, 0, 100]),
			schedules: [
				weekly('TU,FR', '10:00', '16:00'),
				weekly('WE', '13:00', '17:00'),
				{ rrule: 'FREQ=MONTHLY;BYMONTHDAY=15', startTime: '13:00', endTime: '16:00', holidayPolicy: 'hold', scheduleNote: null },
				weekly('SA', '10:00', '15:00', 'hold')
			],
			activityTitle: '居場所'
		},
		kodomo_shokudo: {
			count: 18,
			orgs: [O.kodomo, O.tera, O.himawari, O.shoten],
			names: (_, d, w) => r.pick([`${d}こども食堂`, `みんなの食堂 ${w}`, `${w}食堂`, `${r.pick(TEMPLES)} おてら食堂`]),
			summary: '子どもも大人も、だれでも一緒にごはんを食べられる食堂です。',
			venues: ['community_center', 'temple', 'shop', 'church'],
			targets: [
				['children', 'parents', 'anyone'],
				['children', 'poverty']
			],
			accommodations: ['solo_ok', 'no_reservation', 'barrier_free', 'leave_early_ok'],
			fee: () => r.pick([0, 100, 300]),
			schedules: [monthlyNth('2SA,4SA', '11:00', '14:00'), weekly('WE', '17:00', '19:00'), monthlyNth('3SU', '11:30', '13:30')],
			activityTitle: 'こども食堂'
		},
		intermediate_work: {
			count: 10,
			orgs: [O.farm, O.midori, O.shoten],
			names: (_, d, w) =>
				r.pick([`${w}ファーム（農作業体験）`, `リサイクル工房 ${w}`, `カフェ${w}（就労体験）`, `${d}ベーカリー 就労訓練`]),
			summary: '短い時間から働く体験ができます。工賃や交通費が出るものもあります。',
			venues: ['shop', 'welfare_facility', 'other'],
			targets: [
				['hikikomori', 'youth'],
				['disability', 'poverty'],
				['youth', 'poverty', 'hikikomori']
			],
			accommodations: ['observe_ok', 'short_time_ok', 'companion_ok', 'quiet', 'travel_expenses', 'wage', 'small_group'],
			fee: () => 0,
			schedules: [weekly('MO,TU,WE,TH,FR', '09:00', '15:00'), weekly('TU,TH', '10:00', '12:00'), weekly('MO,WE,FR', '13:00', '16:00')],
			activityTitle: '就労体験'
		},
		kayoinoba: {
			count: 25,
			orgs: [O.honmachi, O.sakura, O.shakyo, O.himawari],
			names: (_, d, w) => r.pick([`${d}いきいき百歳体操`, `${w}元気体操クラブ`, `${d}脳トレ教室`, `${w}ウォーキングの会`]),
			summary: '週に1回、みんなで体操をして介護予防に取り組む通いの場です。',
			venues: ['meeting_hall', 'community_center', 'park'],
			targets: [['elderly']],
			accommodations: ['solo_ok', 'observe_ok', 'no_reservation', 'barrier_free', 'short_time_ok'],
			fee: () => r.pick([0, 0, 100]),
			schedules: [
				weekly('MO', '10:00', '11:00'),
				weekly('TH', '10:00', '11:00'),
				weekly('WE', '14:00', '15:00'),
				weekly('FR', '09:30', '10:30')
			],
			activityTitle: '体操'
		},
		childcare_hub: {
			count: 8,
			orgs: [O.midori, O.kodomo, O.city],
			names: (_, d, w) => r.pick([`子育て支援センター ${w}`, `親子ひろば ${d}`, `${w}親子サロン`]),
			summary: '0歳から就学前のお子さんと保護者が自由に遊べるひろばです。',
			venues: ['welfare_facility', 'public_office', 'community_center'],
			targets: [['parents', 'children']],
			accommodations: ['solo_ok', 'no_reservation', 'barrier_free', 'leave_early_ok'],
			fee: () => 0,
			schedules: [weekly('MO,TU,WE,TH,FR', '09:30', '15:30'), weekly('TU,TH', '10:00', '12:00')],
			activityTitle: 'ひろば'
		},
		activity_support_center: {
			count: 6,
			orgs: [O.midori],
			names: (_, _d, w) => `地域活動支援センター ${w}`,
			summary: '障がいのある方が創作活動や交流をして過ごせる場所です。',
			venues: ['welfare_facility'],
			targets: [['disability']],
			accommodations: ['observe_ok', 'short_time_ok', 'quiet', 'barrier_free', 'pickup', 'companion_ok'],
			fee: () => 0,
			schedules: [weekly('MO,TU,WE,TH,FR', '10:00', '16:00')],
			activityTitle: '日中活動'
		},
		study_support: {
			count: 10,
			orgs: [O.kodomo, O.tera],
			names: (_, d, w) => r.pick([`${d}学習支援教室`, `まなびば ${w}`, `${r.pick(TEMPLES)} 寺子屋`]),
			summary: '小中学生の宿題や受験勉強を大学生や地域のボランティアが応援します。',
			venues: ['community_center', 'school', 'temple'],
			targets: [['children', 'poverty']],
			accommodations: ['solo_ok', 'small_group', 'quiet', 'observe_ok'],
			fee: () => 0,
			schedules: [weekly('TU,TH', '17:00', '19:00'), { ...weekly('SA', '10:00', '12:00'), rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA' }],
			activityTitle: '学習支援'
		},
		food_support: {
			count: 8,
			orgs: [O.shakyo, O.minato, O.shoten],
			names: (_, d, w) => r.pick([`フードパントリー ${w}`, `${d}フードバンク`, `おすそわけ ${w}`]),
			summary: '食品を必要とする世帯に無料でお渡しします。事前の連絡があると安心です。',
			venues: ['welfare_facility', 'church', 'shop'],
			targets: [
				['poverty', 'anyone'],
				['poverty', 'parents']
			],
			accommodations: ['solo_ok', 'no_talking_ok', 'quiet'],
			fee: () => 0,
			schedules: [
				{ rrule: 'FREQ=MONTHLY;BYMONTHDAY=15', startTime: '13:00', endTime: '15:00', holidayPolicy: 'hold', scheduleNote: null },
				monthlyNth('-1SU', '10:00', '12:00')
			],
			activityTitle: '食品のお渡し'
		},
		volunteering: {
			count: 14,
			orgs: [O.himawari, O.shakyo, O.honmachi],
			names: (_, d, w) => r.pick([`${d}清掃ボランティア`, `傾聴ボランティア ${w}`, `${d}見守り隊`, `${w}花壇づくりの会`]),
			summary: 'はじめての方も歓迎です。できる時間にできることから参加できます。',
			venues: ['park', 'meeting_hall', 'community_center'],
			targets: [['anyone']],
			accommodations: ['solo_ok', 'observe_ok', 'short_time_ok', 'leave_early_ok', 'companion_ok'],
			fee: () => 0,
			schedules: [
				{ ...weekly('SU', '09:00', '11:00'), rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SU' },
				monthlyNth('1SA', '09:00', '11:30'),
				weekly('WE', '13:00', '15:00')
			],
			activityTitle: 'ボランティア活動'
		},
		consultation_desk: {
			count: 10,
			orgs: [O.houkatsu, O.city, O.shakyo],
			names: (_, d) =>
				r.pick([
					`${d}地域包括支援センター`,
					`くらしサポート相談室 ${d}`,
					`${d}子育て世代包括支援センター`,
					`障がい者基幹相談支援センター ${d}`
				]),
			summary: '困りごとは何でもご相談ください。内容に応じて関係機関におつなぎします。',
			venues: ['public_office', 'welfare_facility'],
			targets: [['anyone'], ['elderly'], ['parents'], ['disability']],
			accommodations: ['solo_ok', 'barrier_free', 'quiet', 'companion_ok'],
			fee: () => 0,
			schedules: [weekly('MO,TU,WE,TH,FR', '08:30', '17:15')],
			activityTitle: '相談受付'
		}
	};
}

function venueName(r: Random, venue: VenueType, district: string, chome: number): string {
	switch (venue) {
		case 'community_center':
			return `${district}公民館`;
		case 'meeting_hall':
			return `${district}${chome}丁目集会所`;
		case 'vacant_house':
			return `古民家「${r.pick(NICE_WORDS)}」`;
		case 'temple':
			return r.pick(TEMPLES);
		case 'church':
			return 'ひだまり教会';
		case 'shop':
			return `喫茶 ${r.pick(NICE_WORDS)}`;
		case 'welfare_facility':
			return `${district}福祉センター`;
		case 'school':
			return `${district}小学校 多目的室`;
		case 'park':
			return `${district}中央公園`;
		case 'public_office':
			return `ひだまり市役所 ${district}支所`;
		default:
			return `${district}交流スペース`;
	}
}

const ACCESS = ['スロープあり・多目的トイレあり', '段差あり（介助します）', 'エレベーターあり', '車いすで入れます'];

export function buildDemoTown(seed = 20261122): DemoTown {
	const r = seededRandom(seed);
	const areas = buildAreas();
	const neighborhoods = areas.filter((a) => a.kind === 'neighborhood');
	const places: DemoPlace[] = [];
	const usedNames = new Map<string, number>();

	const all = plans(r);
	for (const category of Object.keys(all) as Category[]) {
		const plan = all[category];
		// a few listings in each state besides published, for moderation and RLS
		const extra = category === 'salon' ? 4 : category === 'ibasho' ? 3 : category === 'kodomo_shokudo' ? 2 : 0;
		for (let i = 0; i < plan.count + extra; i++) {
			const nb = r.pick(neighborhoods);
			const district = nb.name.replace(/\d丁目自治会$/, '');
			const chome = Number(nb.name.match(/(\d)丁目/)![1]);
			let name = plan.names(r, district, r.pick(NICE_WORDS));
			const seen = usedNames.get(name) ?? 0;
			usedNames.set(name, seen + 1);
			if (seen) name = `${name}（${seen + 1}）`;
			const [w, s, e, n] = nb.box;
			const lon = +(w + (e - w) * (0.15 + 0.7 * r.next())).toFixed(6);
			const lat = +(s + (n - s) * (0.15 + 0.7 * r.next())).toFixed(6);
			const venue = r.pick(plan.venues);
			const schedule = r.pick(plan.schedules);
			const targets = r.pick(plan.targets);
			// 窓口のみ for places that must be findable but not locatable
			const disclosure: DisclosureLevel =
				category === 'ibasho' && targets.includes('hikikomori')
					? 'contact_only'
					: venue === 'private_home' || venue === 'vacant_house' || (category === 'food_support' && i % 3 === 0)
						? 'approximate'
						: 'exact';
			const status: PlaceStatus = i < plan.count ? 'published' : (['draft', 'submitted', 'archived', 'draft'] as const)[i - plan.count];
			const fee = plan.fee();
			places.push({
				id: demoId(`place:${category}:${i}`),
				organizationId: plan.orgs[i % plan.orgs.length].id,
				areaId: nb.id,
				name,
				summary: plan.summary,
				description: `${plan.summary}\n${district}地区のみなさんが中心になって運営しています。はじめての方は見学だけでも歓迎です。`,
				category,
				targetGroups: targets,
				accommodations: r.some(plan.accommodations, 2, Math.min(5, plan.accommodations.length)),
				venueType: venue,
				venueName: venueName(r, venue, district, chome),
				feeYen: fee,
				feeNote: fee ? 'お茶代・材料費として' : category === 'kodomo_shokudo' ? '子どもは無料、大人300円' : null,
				accessibility: r.pick(ACCESS),
				accessNote: `ひだまり駅から${r.pick(['徒歩', 'バスで'])}${r.int(5, 20)}分`,
				contactPhone: `054-000-${String(2000 + places.length).padStart(4, '0')}`,
				disclosure,
				status,
				verifiedDaysAgo: status === 'published' ? r.pick([10, 30, 60, 90, 120, 150, 200, 260, 400]) + r.int(0, 9) : null,
				lon,
				lat,
				address: `${DEMO_MUNICIPALITY.prefecture}${DEMO_MUNICIPALITY.name}${district}${chome}丁目${r.int(1, 30)}-${r.int(1, 20)}`,
				activity: {
					...schedule,
					title: plan.activityTitle,
					dtstart: '2026-04-01',
					closures: r.chance(0.7) ? (category === 'salon' && r.chance(0.3) ? [YEAR_END, AUGUST] : [YEAR_END]) : []
				}
			});
		}
	}

	const example = exampleOpening(places, areas);
	return {
		areas,
		organizations: Object.values(DEMO_ORGS),
		users: DEMO_USERS,
		places,
		openings: [...buildOpenings(r, places), example.opening],
		exampleAreaName: example.areaName
	};
}

type OpeningRole = { title: string; description: string; acc: Accommodation[]; interests: string[]; goals: string[] };

const OPENING_ROLES: Partial<Record<Category, OpeningRole[]>> = {
	intermediate_work: [
		{
			title: '農作業の補助（種まき・収穫）',
			description: '畑で野菜の世話をします。作業はスタッフと一緒です。',
			acc: ['short_time_ok', 'observe_ok', 'quiet', 'wage', 'travel_expenses'],
			interests: ['farming', 'gardening'],
			goals: ['work_prep']
		},
		{
			title: 'カフェのホール補助',
			description: 'お冷出しや片付けなど、できることから始めます。',
			acc: ['short_time_ok', 'observe_ok', 'companion_ok', 'wage'],
			interests: ['cooking'],
			goals: ['work_prep', 'friends']
		},
		{
			title: '袋詰め・軽作業',
			description: '座ってできる作業です。人と話さなくても大丈夫です。',
			acc: ['quiet', 'no_talking_ok', 'short_time_ok', 'wage'],
			interests: ['crafts'],
			goals: ['work_prep']
		}
	],
	kodomo_shokudo: [
		{
			title: '配膳・片付けボランティア',
			description: '食事の配膳と片付けをお手伝いいただきます。',
			acc: ['short_time_ok', 'observe_ok', 'companion_ok'],
			interests: ['cooking', 'children'],
			goals: ['volunteer']
		}
	],
	salon: [
		{
			title: 'お茶出し・受付の手伝い',
			description: 'サロンの受付やお茶出しをお願いします。',
			acc: ['short_time_ok', 'observe_ok', 'small_group'],
			interests: [],
			goals: ['volunteer', 'friends']
		}
	],
	volunteering: [
		{
			title: '活動スタッフ',
			description: '道具の準備から一緒に行います。',
			acc: ['observe_ok', 'short_time_ok', 'leave_early_ok'],
			interests: ['gardening'],
			goals: ['volunteer']
		}
	],
	study_support: [
		{
			title: '学習サポーター',
			description: '子どもの宿題を見守ります。',
			acc: ['small_group', 'quiet', 'observe_ok'],
			interests: ['children', 'books'],
			goals: ['volunteer']
		}
	],
	ibasho: [
		{
			title: '受付・見守り',
			description: '来た人を迎え、場を見守る役です。',
			acc: ['quiet', 'no_talking_ok', 'short_time_ok'],
			interests: ['books'],
			goals: ['ibasho', 'volunteer']
		}
	]
};

/**
 * One opening written for the walkthrough in the README and the e2e test: a quiet Thursday
 * morning at the published place closest to the centre of its 自治会, so that someone from that
 * 自治会 who can only come on Thursday mornings and walks at most 20 minutes finds it.
 */
export const DEMO_EXAMPLE_OPENING_TITLE = '図書コーナーの整理（木曜午前）';

function exampleOpening(places: DemoPlace[], areas: DemoArea[]): { opening: DemoOpening; areaName: string } {
	const centre = (a: DemoArea) => ({ lon: (a.box[0] + a.box[2]) / 2, lat: (a.box[1] + a.box[3]) / 2 });
	const km = (a: { lon: number; lat: number }, b: { lon: number; lat: number }) =>
		Math.hypot((a.lon - b.lon) * 111.32 * Math.cos((a.lat * Math.PI) / 180), (a.lat - b.lat) * 110.57);
	const byId = new Map(areas.map((a) => [a.id, a]));
	const [best] = places
		.filter((p) => p.status === 'published' && byId.get(p.areaId)?.kind === 'neighborhood')
		.map((p) => ({ p, d: km(p, centre(byId.get(p.areaId)!)) }))
		.sort((a, b) => a.d - b.d || (a.p.id < b.p.id ? -1 : 1));
	const p = best.p;
	return {
		areaName: byId.get(p.areaId)!.name,
		opening: {
			id: demoId('opening:example'),
			placeId: p.id,
			organizationId: p.organizationId,
			title: DEMO_EXAMPLE_OPENING_TITLE,
			description: '本の並べ替えや貸し出しカードの整理をします。黙々とできる作業です。',
			capacity: 2,
			accommodations: ['quiet', 'observe_ok', 'companion_ok', 'short_time_ok', 'no_talking_ok'],
			targetGroups: ['youth', 'hikikomori', 'poverty'],
			ageMin: 15,
			ageMax: 64,
			visibility: 'coordinators',
			interests: ['books'],
			goals: ['ibasho', 'work_prep'],
			schedule: {
				rrule: 'FREQ=WEEKLY;BYDAY=TH',
				dtstart: '2026-04-01',
				startTime: '10:00',
				endTime: '11:30',
				holidayPolicy: 'skip',
				closures: [],
				scheduleNote: null
			}
		}
	};
}

function buildOpenings(r: Random, places: DemoPlace[]): DemoOpening[] {
	const openings: DemoOpening[] = [];
	for (const p of places) {
		const roles = OPENING_ROLES[p.category];
		if (!roles || p.status !== 'published') continue;
		const take = p.category === 'intermediate_work' ? 2 : r.chance(0.35) ? 1 : 0;
		for (const role of r.some(roles, take, take)) {
			openings.push({
				id: demoId(`opening:${p.id}:${role.title}`),
				placeId: p.id,
				organizationId: p.organizationId,
				title: role.title,
				description: role.description,
				capacity: r.int(1, 4),
				accommodations: r.some(role.acc, 2, role.acc.length),
				targetGroups: p.category === 'intermediate_work' ? p.targetGroups : ['anyone'],
				ageMin: p.category === 'intermediate_work' ? 15 : 18,
				ageMax: p.category === 'intermediate_work' ? 64 : null,
				visibility: r.chance(0.85) ? 'public' : 'coordinators',
				interests: role.interests,
				goals: role.goals,
				schedule: { ...p.activity, closures: p.activity.closures }
			});
		}
	}
	return openings;
}

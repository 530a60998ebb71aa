/**
 * The controlled vocabularies of the product, named as in GLOSSARY.md.
 * The same lists are SQL enums in supabase/migrations; tests/db/taxonomy.test.ts keeps them equal.
 * Labels live in the message catalogue (messages/{ja,en}.json) under `<vocabulary>_<code>`.
 */

export const CATEGORIES = [
	'salon',
	'ibasho',
	'kodomo_shokudo',
	'intermediate_work',
	'kayoinoba',
	'childcare_hub',
	'activity_support_center',
	'study_support',
	'food_support',
	'volunteering',
	'consultation_desk'
] as const;
export type Category = (typeof CATEGORIES)[number];

export const TARGET_GROUPS = ['elderly', 'disability', 'children', 'parents', 'poverty', 'youth', 'hikikomori', 'anyone'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** 配慮 codes: what a place or an opening offers so that someone can come. */
export const ACCOMMODATIONS = [
	'solo_ok', // 一人で来てOK
	'observe_ok', // 見学だけOK（見学可）
	'no_reservation', // 予約不要
	'no_talking_ok', // 話さなくてOK
	'leave_early_ok', // 途中退出OK
	'small_group', // 少人数
	'barrier_free', // バリアフリー
	'pickup', // 送迎あり
	'short_time_ok', // 短時間OK
	'companion_ok', // 同伴可
	'quiet', // 静かな環境
	'travel_expenses', // 交通費支給
	'wage' // 工賃あり
] as const;
export type Accommodation = (typeof ACCOMMODATIONS)[number];

export const VENUE_TYPES = [
	'community_center', // 公民館
	'meeting_hall', // 集会所
	'vacant_house', // 空き家
	'temple', // 寺
	'shrine', // 神社
	'church', // 教会
	'shop', // 商店・カフェ
	'welfare_facility', // 福祉施設
	'school', // 学校
	'park', // 公園
	'public_office', // 役所・支所
	'private_home', // 個人宅
	'other'
] as const;
export type VenueType = (typeof VENUE_TYPES)[number];

export const ORGANIZATION_KINDS = [
	'shakyo', // 社会福祉協議会
	'municipal_dept', // 主管課など市町村の部署
	'npo',
	'neighborhood_assoc', // 町内会・自治会
	'corporation', // 社会福祉法人など
	'company',
	'volunteer_group',
	'agency' // 関係機関（地域包括支援センター等）
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const MEMBERSHIP_ROLES = ['volunteer', 'moderator', 'coordinator', 'agency_staff', 'admin'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** 日常生活圏域 / 地区 / 小学校区 / 自治会 / 町丁目 */
export const AREA_KINDS = ['sphere', 'district', 'school_district', 'neighborhood', 'chome'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** How precisely the public may learn where a place is. */
export const DISCLOSURE_LEVELS = ['exact', 'approximate', 'contact_only'] as const;
export type DisclosureLevel = (typeof DISCLOSURE_LEVELS)[number];

export const PLACE_STATUSES = ['draft', 'submitted', 'published', 'archived'] as const;
export type PlaceStatus = (typeof PLACE_STATUSES)[number];

export const OPENING_STATUSES = ['open', 'paused', 'closed'] as const;
export type OpeningStatus = (typeof OPENING_STATUSES)[number];

export const OPENING_VISIBILITIES = ['public', 'coordinators'] as const;
export type OpeningVisibility = (typeof OPENING_VISIBILITIES)[number];

/** 祝日は休み (skip) / 祝日も開催 (hold) */
export const HOLIDAY_POLICIES = ['skip', 'hold'] as const;
export type HolidayPolicy = (typeof HOLIDAY_POLICIES)[number];

/** What an opening offers and a participant hopes for (参加支援): both sides speak these codes. */
export const GOALS = ['ibasho', 'friends', 'volunteer', 'work_prep', 'hobby'] as const;
export type Goal = (typeof GOALS)[number];

/** Interest tags an opening carries and a participant names, so that the two can meet. */
export const INTERESTS = [
	'books',
	'cooking',
	'farming',
	'crafts',
	'animals',
	'computers',
	'music',
	'sports',
	'gardening',
	'children'
] as const;
export type Interest = (typeof INTERESTS)[number];

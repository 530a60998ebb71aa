/**
 * Japanese labels for the explanations. The engine runs on the server and in tests without the
 * message catalogue, and a coordinator reads these sentences as they are, so the few words it
 * needs live here rather than in messages/ja.json.
 */
import type { Accommodation, Interest, TargetGroup } from '../../shared/taxonomy';
import type { Goal, TravelMode } from './types';

export const ACCOMMODATION_LABELS_JA: Record<Accommodation, string> = {
	solo_ok: '一人で来てOK',
	observe_ok: '見学だけOK',
	no_reservation: '予約不要',
	no_talking_ok: '話さなくてOK',
	leave_early_ok: '途中退出OK',
	small_group: '少人数',
	barrier_free: 'バリアフリー',
	pickup: '送迎あり',
	short_time_ok: '短時間OK',
	companion_ok: '同伴可',
	quiet: '静かな環境',
	travel_expenses: '交通費支給',
	wage: '工賃あり'
};

/** What a person likes, as 「〜が好き」 reads; tags outside this list are shown as they are. */
export const INTEREST_LABELS_JA: Record<Interest, string> = {
	books: '本',
	cooking: '料理',
	farming: '農作業',
	crafts: 'ものづくり',
	animals: '動物',
	computers: 'パソコン',
	music: '音楽',
	sports: 'スポーツ',
	gardening: '園芸',
	children: '子ども'
};

export const GOAL_LABELS_JA: Record<Goal, string> = {
	ibasho: '居場所',
	friends: '仲間づくり',
	volunteer: 'ボランティア',
	work_prep: '就労準備',
	hobby: '趣味'
};

export const TARGET_GROUP_LABELS_JA: Record<TargetGroup, string> = {
	elderly: '高齢',
	disability: '障がい',
	children: '子ども',
	parents: '子育て',
	poverty: '生活困窮',
	youth: '若者',
	hikikomori: 'ひきこもり',
	anyone: '誰でも'
};

export const TRAVEL_LABELS_JA: Record<TravelMode, string> = {
	walk: '徒歩',
	bicycle: '自転車',
	bus: 'バス',
	pickup: '送迎あり'
};

/** Indexed by Weekday (0 = Sunday). */
export const WEEKDAY_LABELS_JA = ['日', '月', '火', '水', '木', '金', '土'] as const;

/** Weekdays as a Japanese calendar lists them: Monday first. */
export const WEEKDAY_ORDER_JA = [1, 2, 3, 4, 5, 6, 0] as const;

export const interestLabel = (tag: string): string => INTEREST_LABELS_JA[tag as Interest] ?? tag;

/** 午前 before noon, 午後 until 18:00, 夜 after — how a coordinator would say it on the phone. */
export function partOfDayJa(minutesOfDay: number): string {
	if (minutesOfDay < 12 * 60) return '午前';
	if (minutesOfDay < 18 * 60) return '午後';
	return '夜';
}

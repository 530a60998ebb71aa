import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo-town';

export function printDemoLogins() {
	console.log('\nデモ用ログイン（パスワードは全員共通: %s）', DEMO_PASSWORD);
	for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(13)} ${u.email.padEnd(28)} ${u.displayName}`);
	console.log('  参加支援 (/participation) は coordinator で。初回に認証アプリで2段階認証を設定します。');
	console.log('');
}

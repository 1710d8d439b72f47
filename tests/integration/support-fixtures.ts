// A support center made for one test file, committed (bookings race across connections, so they
// cannot live in a rolled-back transaction): its own craftsmen, a staff member, a safety course, a
// 3D printer that needs the course, and a center in another cluster whose staff must not act here.
// cleanup() removes everything it made.
import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { withUser, type Claims, type Tx } from '../../src/lib/server/db';
import { addDays, seoulDay, seoulMidnight } from '../../src/lib/domain/booking-rules';

export const claims = (sub: string): Claims => ({ sub, role: 'authenticated' });
export const as = <T>(user: string, fn: (tx: Tx) => Promise<T>) => withUser(claims(user), fn);

/** A Seoul day n days from today, at the given Seoul hour. */
export const seoulAt = (days: number, hour: number, now = new Date()) => seoulMidnight(addDays(seoulDay(now), days), hour);

export interface SupportWorld {
	tag: string;
	craftsmen: string[];
	staff: string;
	otherStaff: string;
	startup: string;
	center: string;
	otherCenter: string;
	course: string;
	printer: string;
	polisher: string;
	cleanup(): Promise<void>;
}

export async function makeSupportWorld(sql: postgres.Sql, craftsmen = 3): Promise<SupportWorld> {
	const tag = randomUUID().slice(0, 8);
	const users: string[] = [];
	const user = async (role: 'craftsman' | 'startup', name: string) => {
		const id = randomUUID();
		await sql`insert into auth.users (id, email, raw_user_meta_data)
			values (${id}, ${`sup-${tag}-${users.length}@example.test`}, ${sql.json({ role, display_name: name })})`;
		users.push(id);
		return id;
	};
	const people = [];
	for (let i = 0; i < craftsmen; i++) people.push(await user('craftsman', `공인${i + 1} ${tag}`));
	// Staff are appointed: managers without a cluster, staff of one center each.
	const staff = await user('startup', `센터직원 ${tag}`);
	const otherStaff = await user('startup', `다른센터직원 ${tag}`);
	await sql`update public.profiles set role = 'manager' where id in (${staff}, ${otherStaff})`;
	const startup = await user('startup', `스타트업 ${tag}`);
	const [center] = await sql<{ id: string }[]>`insert into public.support_centers (slug, name_ko, address_ko)
		values (${`test-${tag}`}, ${`시험 지원센터 ${tag}`}, '서울 종로구 시험로 1') returning id`;
	const [other] = await sql<{ id: string }[]>`insert into public.support_centers (slug, name_ko, address_ko)
		values (${`test-other-${tag}`}, ${`다른 지원센터 ${tag}`}, '충북 청주시 시험로 2') returning id`;
	await sql`insert into public.support_center_staff (center_id, user_id) values (${center.id}, ${staff}), (${other.id}, ${otherStaff})`;
	const [course] = await sql<{ id: string }[]>`insert into public.support_courses (center_id, title_ko)
		values (${center.id}, '3D 프린터 안전교육') returning id`;
	const [printer] = await sql<
		{ id: string }[]
	>`insert into public.support_machines (center_id, kind, name_ko, prerequisite_course_id, slot_minutes, open_hour, close_hour)
		values (${center.id}, '3d_printer', '주얼리 3D 프린터', ${course.id}, 60, 9, 18) returning id`;
	const [polisher] = await sql<
		{ id: string }[]
	>`insert into public.support_machines (center_id, kind, name_ko, hourly_fee_krw, slot_minutes)
		values (${center.id}, 'polisher', '바렐 연마기', 5000, 60) returning id`;
	return {
		tag,
		craftsmen: people,
		staff,
		otherStaff,
		startup,
		center: center.id,
		otherCenter: other.id,
		course: course.id,
		printer: printer.id,
		polisher: polisher.id,
		async cleanup() {
			await sql`delete from public.notifications where user_id = any(${users}::uuid[])`;
			const centers = [center.id, other.id];
			await sql`delete from public.support_penalties where center_id = any(${centers}::uuid[])`;
			await sql`delete from public.support_bookings where machine_id in
				(select id from public.support_machines where center_id = any(${centers}::uuid[]))`;
			await sql`delete from public.support_centers where id = any(${centers}::uuid[])`;
			await sql`delete from auth.users where id = any(${users}::uuid[])`;
		}
	};
}

/** Records the course on people as attendance would (tests of booking start after the course). */
export async function completeCourse(sql: postgres.Sql, course: string, people: string[]) {
	for (const p of people)
		await sql`insert into public.support_course_completions (user_id, course_id) values (${p}, ${course}) on conflict do nothing`;
}

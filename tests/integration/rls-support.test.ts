// The row-level security matrix of support centers: centers and their clusters and staff, courses,
// machines, completions, bookings, penalties, events, registrations, programs, applications and their
// documents — every table × every actor × select, insert, update and delete, on the base matrix's
// world plus: center CX serves cluster X (so its manager MX acts for it), center CY has MY appointed
// as staff, center CZ has nobody. A completed CX's course KX and booked the printer M1 (BA); B booked
// M1 too (BB); A has a penalty PA; at CX's event EV A is registered (RA) and B waits (RB); A's
// workshop WA has a draft application AA to CX's program PX with document DA; B's workshop WB a
// submitted application AB to CY's program PY.
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { runMatrix, runOutsideRls, type Outcome, type TableMatrix as Matrix } from './rls-runner';
import { actAs, actAsSuperuser, actorNames, actors, createFixtures as createBaseFixtures, type Actor, type Fixtures } from './rls-fixtures';

type Tx = postgres.TransactionSql;
type Grid = Record<Actor, Outcome>;

interface SupportFixtures extends Fixtures {
	centers: { CX: string; CY: string; CZ: string };
	links: { 'CX·X': string };
	staff: { 'CY·MY': string };
	courses: { KX: string };
	machines: { M1: string };
	completions: { 'A·KX': string };
	bookings: { BA: string; BB: string };
	penalties: { PA: string };
	events: { EV: string };
	registrations: { RA: string; RB: string };
	programs: { PX: string; PY: string };
	applications: { AA: string; AB: string };
	documents: { DA: string };
}
type TableMatrix = Matrix<SupportFixtures, Actor>;

const only = (...who: Actor[]): Grid => Object.fromEntries(actors.map((a) => [a, who.includes(a) ? 'allowed' : 'denied'])) as Grid;
const nobody = only();
const everyone = ['anon', 'A', 'B', 'S', 'MX', 'MY', 'OP'] as const;

async function createFixtures(tx: Tx): Promise<SupportFixtures> {
	const f = await createBaseFixtures(tx);
	const ids = <K extends string>(...keys: K[]) => Object.fromEntries(keys.map((k) => [k, randomUUID()])) as Record<K, string>;
	const centers = ids('CX', 'CY', 'CZ');
	const courses = ids('KX');
	const machines = ids('M1');
	const bookings = ids('BA', 'BB');
	const penalties = ids('PA');
	const events = ids('EV');
	const registrations = ids('RA', 'RB');
	const programs = ids('PX', 'PY');
	const applications = ids('AA', 'AB');
	const documents = ids('DA');
	for (const [name, id] of Object.entries(centers)) {
		await tx`insert into public.support_centers (id, slug, name_ko, address_ko) values (${id}, ${`rls-${name.toLowerCase()}-${id.slice(0, 8)}`}, ${name}, '서울 중구 1')`;
	}
	await tx`insert into public.support_center_clusters (center_id, cluster_id) values (${centers.CX}, ${f.clusters.X})`;
	await tx`insert into public.support_center_staff (center_id, user_id) values (${centers.CY}, ${f.users.MY})`;
	await tx`insert into public.support_courses (id, center_id, title_ko) values (${courses.KX}, ${centers.CX}, '안전교육')`;
	await tx`insert into public.support_machines (id, center_id, kind, name_ko, prerequisite_course_id, open_hour, close_hour)
		values (${machines.M1}, ${centers.CX}, '3d_printer', '3D 프린터', ${courses.KX}, 0, 24)`;
	await tx`insert into public.support_course_completions (user_id, course_id) values (${f.users.A}, ${courses.KX})`;
	// Written as the app's triggers would leave them (B never took the course; the rows only need to exist).
	await tx`set local session_replication_role = replica`;
	await tx`insert into public.support_bookings (id, machine_id, user_id, starts_at, ends_at) values
		(${bookings.BA}, ${machines.M1}, ${f.users.A}, date_trunc('hour', now()) + interval '5 days', date_trunc('hour', now()) + interval '5 days 1 hour'),
		(${bookings.BB}, ${machines.M1}, ${f.users.B}, date_trunc('hour', now()) + interval '6 days', date_trunc('hour', now()) + interval '6 days 1 hour')`;
	await tx`insert into public.support_penalties (id, user_id, center_id, booking_id, kind, hours, created_at, expires_at)
		values (${penalties.PA}, ${f.users.A}, ${centers.CX}, ${bookings.BA}, 'no_show', 3, now(), now() + interval '3 months')`;
	await tx`insert into public.support_events (id, center_id, kind, course_id, title_ko, starts_at, ends_at, place_ko, capacity)
		values (${events.EV}, ${centers.CX}, 'course', ${courses.KX}, '안전교육 1회차', now() + interval '3 days', now() + interval '3 days 2 hours', '교육장', 1)`;
	await tx`insert into public.support_event_registrations (id, event_id, user_id, status) values
		(${registrations.RA}, ${events.EV}, ${f.users.A}, 'registered'), (${registrations.RB}, ${events.EV}, ${f.users.B}, 'waitlisted')`;
	await tx`insert into public.support_programs (id, center_id, slug, kind, title_ko, amount_max_krw, deadline) values
		(${programs.PX}, ${centers.CX}, ${`rls-px-${programs.PX.slice(0, 8)}`}, 'grant', '스마트공방', 49000000, now() + interval '30 days'),
		(${programs.PY}, ${centers.CY}, ${`rls-py-${programs.PY.slice(0, 8)}`}, 'loan', '특화자금', 1000000000, now() + interval '30 days')`;
	await tx`insert into public.support_applications (id, program_id, workshop_id, applicant_id, status, submitted_at) values
		(${applications.AA}, ${programs.PX}, ${f.workshops.WA}, ${f.users.A}, 'draft', null),
		(${applications.AB}, ${programs.PY}, ${f.workshops.WB}, ${f.users.B}, 'submitted', now())`;
	await tx`insert into public.support_application_documents (id, application_id, doc_key, path, filename, content_type, size_bytes, uploaded_by)
		values (${documents.DA}, ${applications.AA}, 'business_registration', ${`programs/${applications.AA}/a.pdf`}, 'a.pdf', 'application/pdf', 10, ${f.users.A})`;
	await tx`set local session_replication_role = origin`;
	const extra = {
		centers,
		links: { 'CX·X': `${centers.CX}:${f.clusters.X}` },
		staff: { 'CY·MY': `${centers.CY}:${f.users.MY}` },
		courses,
		machines,
		completions: { 'A·KX': `${f.users.A}:${courses.KX}` },
		bookings,
		penalties,
		events,
		registrations,
		programs,
		applications,
		documents
	};
	const names = new Map(f.names);
	for (const group of Object.values(extra)) for (const [name, id] of Object.entries(group)) names.set(id, name);
	return { ...f, ...extra, names };
}

const sees = (rows: string[], who: readonly Actor[]) => Object.fromEntries(who.map((a) => [a, rows])) as Partial<Record<Actor, string[]>>;
const inDays = (tx: Tx, days: number, hours = 0) => tx`date_trunc('hour', now()) + make_interval(days => ${days}, hours => ${hours})`;

const matrix: Record<string, TableMatrix> = {
	support_centers: {
		visible: ({ tx, f }) => tx`select id from public.support_centers where id in (${f.centers.CX}, ${f.centers.CY}, ${f.centers.CZ})`,
		sees: sees(['CX', 'CY', 'CZ'], everyone),
		insert: {
			'a center': {
				expect: only('OP'),
				sql: ({ tx }) =>
					tx`insert into public.support_centers (slug, name_ko, address_ko) values (${`rls-new-${randomUUID().slice(0, 8)}`}, '새 센터', '서울')`
			}
		},
		update: {
			'CX opening hours': {
				expect: only('MX', 'OP'),
				sql: ({ tx, f }) => tx`update public.support_centers set opening_hours_ko = '평일 9-18시' where id = ${f.centers.CX}`
			},
			'CY booking rules': {
				expect: only('MY', 'OP'),
				sql: ({ tx, f }) => tx`update public.support_centers set rule_max_hours_per_day = 8 where id = ${f.centers.CY}`
			}
		},
		delete: { CZ: { expect: only('OP'), sql: ({ tx, f }) => tx`delete from public.support_centers where id = ${f.centers.CZ}` } }
	},
	support_center_clusters: {
		visible: ({ tx, f }) =>
			tx`select center_id::text || ':' || cluster_id::text as id from public.support_center_clusters where center_id = ${f.centers.CX}`,
		sees: sees(['CX·X'], everyone),
		insert: {
			'CY serves Y': {
				expect: only('OP'),
				sql: ({ tx, f }) => tx`insert into public.support_center_clusters values (${f.centers.CY}, ${f.clusters.Y})`
			}
		},
		update: {},
		delete: {
			'CX·X': { expect: only('OP'), sql: ({ tx, f }) => tx`delete from public.support_center_clusters where center_id = ${f.centers.CX}` }
		}
	},
	support_center_staff: {
		visible: ({ tx, f }) =>
			tx`select center_id::text || ':' || user_id::text as id from public.support_center_staff where center_id = ${f.centers.CY}`,
		sees: { MY: ['CY·MY'], OP: ['CY·MY'] },
		insert: {
			'MX appointed at CY': {
				expect: only('OP'),
				sql: ({ tx, f }) => tx`insert into public.support_center_staff (center_id, user_id) values (${f.centers.CY}, ${f.users.MX})`
			}
		},
		update: {},
		delete: {
			'CY·MY': { expect: only('OP'), sql: ({ tx, f }) => tx`delete from public.support_center_staff where center_id = ${f.centers.CY}` }
		}
	},
	support_courses: {
		visible: ({ tx, f }) => tx`select id from public.support_courses where id = ${f.courses.KX}`,
		sees: sees(['KX'], everyone),
		insert: {
			'a course at CX': {
				expect: only('MX', 'OP'),
				sql: ({ tx, f }) => tx`insert into public.support_courses (center_id, title_ko) values (${f.centers.CX}, '레이저 안전교육')`
			}
		},
		update: {
			KX: {
				expect: only('MX', 'OP'),
				sql: ({ tx, f }) => tx`update public.support_courses set title_en = 'Safety' where id = ${f.courses.KX}`
			}
		},
		delete: { KX: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.support_courses where id = ${f.courses.KX}` } }
	},
	support_machines: {
		visible: ({ tx, f }) => tx`select id from public.support_machines where id = ${f.machines.M1}`,
		sees: sees(['M1'], everyone),
		insert: {
			'a machine at CX': {
				expect: only('MX', 'OP'),
				sql: ({ tx, f }) =>
					tx`insert into public.support_machines (center_id, kind, name_ko) values (${f.centers.CX}, 'polisher', '연마기')`
			}
		},
		update: {
			'M1 fee': {
				expect: only('MX', 'OP'),
				sql: ({ tx, f }) => tx`update public.support_machines set hourly_fee_krw = 5000 where id = ${f.machines.M1}`
			}
		},
		delete: { M1: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.support_machines where id = ${f.machines.M1}` } }
	},
	support_course_completions: {
		visible: ({ tx, f }) =>
			tx`select user_id::text || ':' || course_id::text as id from public.support_course_completions where course_id = ${f.courses.KX}`,
		sees: { A: ['A·KX'], MX: ['A·KX'], OP: ['A·KX'] },
		insert: {
			'B completed KX': {
				expect: nobody,
				sql: ({ tx, f }) => tx`insert into public.support_course_completions (user_id, course_id) values (${f.users.B}, ${f.courses.KX})`
			}
		},
		update: {
			'A·KX': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.support_course_completions set completed_at = now() where user_id = ${f.users.A}`
			}
		},
		delete: {
			'A·KX': { expect: nobody, sql: ({ tx, f }) => tx`delete from public.support_course_completions where user_id = ${f.users.A}` }
		}
	},
	support_bookings: {
		visible: ({ tx, f }) => tx`select id from public.support_bookings where machine_id = ${f.machines.M1}`,
		// Everyone else sees the slots only as taken (support_machine_taken), never the rows.
		sees: { A: ['BA'], B: ['BB'], MX: ['BA', 'BB'], OP: ['BA', 'BB'] },
		insert: {
			"a booking in A's name": {
				expect: only('A'),
				sql: ({ tx, f }) =>
					tx`insert into public.support_bookings (machine_id, user_id, starts_at, ends_at) values (${f.machines.M1}, ${f.users.A}, ${inDays(tx, 9)}, ${inDays(tx, 9, 1)})`
			}
		},
		update: {
			'BB cancelled': {
				expect: only('B', 'MX', 'OP'),
				sql: ({ tx, f }) => tx`update public.support_bookings set status = 'cancelled' where id = ${f.bookings.BB}`
			},
			'BB moved to another time': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.support_bookings set starts_at = starts_at + interval '1 hour' where id = ${f.bookings.BB}`
			}
		},
		delete: { BA: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.support_bookings where id = ${f.bookings.BA}` } }
	},
	support_penalties: {
		visible: ({ tx, f }) => tx`select id from public.support_penalties where id = ${f.penalties.PA}`,
		sees: { A: ['PA'], MX: ['PA'], OP: ['PA'] },
		insert: {
			'a penalty for B': {
				expect: nobody,
				sql: ({ tx, f }) => tx`insert into public.support_penalties (user_id, center_id, booking_id, kind, hours, created_at, expires_at)
					values (${f.users.B}, ${f.centers.CX}, ${f.bookings.BB}, 'no_show', 3, now(), now() + interval '3 months')`
			}
		},
		update: {
			'PA expired early': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.support_penalties set expires_at = now() where id = ${f.penalties.PA}`
			}
		},
		delete: { PA: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.support_penalties where id = ${f.penalties.PA}` } }
	},
	support_events: {
		visible: ({ tx, f }) => tx`select id from public.support_events where id = ${f.events.EV}`,
		sees: sees(['EV'], everyone),
		insert: {
			'a seminar at CX': {
				expect: only('MX', 'OP'),
				sql: ({ tx, f }) => tx`insert into public.support_events (center_id, kind, title_ko, starts_at, ends_at, place_ko, capacity)
					values (${f.centers.CX}, 'seminar', '수출 세미나', now() + interval '7 days', now() + interval '7 days 2 hours', '세미나실', 30)`
			}
		},
		update: {
			'EV capacity': {
				expect: only('MX', 'OP'),
				sql: ({ tx, f }) => tx`update public.support_events set capacity = 20 where id = ${f.events.EV}`
			}
		},
		delete: { EV: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.support_events where id = ${f.events.EV}` } }
	},
	support_event_registrations: {
		visible: ({ tx, f }) => tx`select id from public.support_event_registrations where event_id = ${f.events.EV}`,
		sees: { A: ['RA'], B: ['RB'], MX: ['RA', 'RB'], OP: ['RA', 'RB'] },
		insert: {
			"S's registration": {
				expect: only('S'),
				sql: ({ tx, f }) => tx`insert into public.support_event_registrations (event_id, user_id) values (${f.events.EV}, ${f.users.S})`
			}
		},
		update: {
			'RA cancelled': {
				expect: only('A', 'MX', 'OP'),
				sql: ({ tx, f }) => tx`update public.support_event_registrations set status = 'cancelled' where id = ${f.registrations.RA}`
			},
			'RA attended': {
				expect: only('MX', 'OP'),
				sql: ({ tx, f }) => tx`update public.support_event_registrations set status = 'attended' where id = ${f.registrations.RA}`
			}
		},
		delete: {
			RA: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.support_event_registrations where id = ${f.registrations.RA}` }
		}
	},
	support_programs: {
		visible: ({ tx, f }) => tx`select id from public.support_programs where id in (${f.programs.PX}, ${f.programs.PY})`,
		sees: sees(['PX', 'PY'], everyone),
		insert: {
			'a program at CY': {
				expect: only('MY', 'OP'),
				sql: ({ tx, f }) => tx`insert into public.support_programs (center_id, slug, kind, title_ko, amount_max_krw, deadline)
					values (${f.centers.CY}, ${`rls-new-${randomUUID().slice(0, 8)}`}, 'grant', '클린제조환경', 4200000, now() + interval '10 days')`
			}
		},
		update: {
			'PX deadline': {
				expect: only('MX', 'OP'),
				sql: ({ tx, f }) => tx`update public.support_programs set deadline = deadline + interval '7 days' where id = ${f.programs.PX}`
			}
		},
		delete: { PX: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.support_programs where id = ${f.programs.PX}` } }
	},
	support_applications: {
		visible: ({ tx, f }) => tx`select id from public.support_applications where id in (${f.applications.AA}, ${f.applications.AB})`,
		sees: { A: ['AA'], B: ['AB'], MX: ['AA'], MY: ['AB'], OP: ['AA', 'AB'] },
		insert: {
			"WA's application to PY by A": {
				expect: only('A'),
				sql: ({ tx, f, me }) =>
					tx`insert into public.support_applications (program_id, workshop_id, applicant_id) values (${f.programs.PY}, ${f.workshops.WA}, ${me ?? f.users.A})`
			}
		},
		update: {
			'AA note': {
				expect: only('A'),
				sql: ({ tx, f }) => tx`update public.support_applications set note = '스마트공방 도입 계획' where id = ${f.applications.AA}`
			},
			'AB under review': {
				expect: only('MY', 'OP'),
				sql: ({ tx, f }) => tx`update public.support_applications set status = 'under_review' where id = ${f.applications.AB}`
			}
		},
		delete: {
			'AA (draft)': { expect: only('A'), sql: ({ tx, f }) => tx`delete from public.support_applications where id = ${f.applications.AA}` },
			'AB (submitted)': { expect: nobody, sql: ({ tx, f }) => tx`delete from public.support_applications where id = ${f.applications.AB}` }
		}
	},
	support_application_documents: {
		visible: ({ tx, f }) => tx`select id from public.support_application_documents where id = ${f.documents.DA}`,
		sees: { A: ['DA'], MX: ['DA'], OP: ['DA'] },
		insert: {
			'a document on AA': {
				expect: only('A'),
				sql: ({
					tx,
					f,
					me
				}) => tx`insert into public.support_application_documents (application_id, doc_key, path, filename, content_type, size_bytes, uploaded_by)
					values (${f.applications.AA}, 'tax_certificate', ${`programs/${f.applications.AA}/${randomUUID()}.pdf`}, 'b.pdf', 'application/pdf', 10, ${me})`
			}
		},
		update: {
			'DA renamed': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.support_application_documents set filename = 'c.pdf' where id = ${f.documents.DA}`
			}
		},
		delete: {
			DA: { expect: only('A'), sql: ({ tx, f }) => tx`delete from public.support_application_documents where id = ${f.documents.DA}` }
		}
	}
};

const runner = { actors, actorNames, anonymous: 'anon' as const, createFixtures, actAs, actAsSuperuser };
runMatrix(runner, matrix);
runOutsideRls(runner, Object.keys(matrix), ['anon', 'A']);

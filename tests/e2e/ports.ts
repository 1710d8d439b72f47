// The app's and its embedded database's ports for the journeys: several checkouts (or worktrees) on one
// machine run their journeys side by side on other ports.
export function e2ePorts(): { app: number; pg: number } {
	return { app: Number(process.env.E2E_PORT ?? 4173), pg: Number(process.env.E2E_PG_PORT ?? 54341) };
}

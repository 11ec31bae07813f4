// The assignment problem (Kuhn–Munkres, the Hungarian method with potentials), O(rows² · columns): every row gets
// exactly one column, no column twice, at the least total cost. Costs are integers, so the sums stay exact.

/**
 * For a rows × columns cost matrix with rows <= columns: the column of each row in an assignment of least total
 * cost. Deterministic: the same matrix always gives the same assignment.
 */
export function leastCostAssignment(cost: readonly (readonly number[])[]): number[] {
	const n = cost.length;
	if (n === 0) return [];
	const m = cost[0]!.length;
	if (m < n) throw new Error('leastCostAssignment needs at least as many columns as rows');
	// 1-based, with row/column 0 as the start of each augmenting path (the textbook form of the algorithm).
	const u = new Array<number>(n + 1).fill(0);
	const v = new Array<number>(m + 1).fill(0);
	const rowOfColumn = new Array<number>(m + 1).fill(0);
	const way = new Array<number>(m + 1).fill(0);
	for (let row = 1; row <= n; row++) {
		rowOfColumn[0] = row;
		let column0 = 0;
		const minv = new Array<number>(m + 1).fill(Infinity);
		const used = new Array<boolean>(m + 1).fill(false);
		do {
			used[column0] = true;
			const row0 = rowOfColumn[column0]!;
			let delta = Infinity;
			let column1 = 0;
			for (let j = 1; j <= m; j++) {
				if (used[j]) continue;
				const reduced = cost[row0 - 1]![j - 1]! - u[row0]! - v[j]!;
				if (reduced < minv[j]!) {
					minv[j] = reduced;
					way[j] = column0;
				}
				if (minv[j]! < delta) {
					delta = minv[j]!;
					column1 = j;
				}
			}
			for (let j = 0; j <= m; j++) {
				if (used[j]) {
					u[rowOfColumn[j]!] = u[rowOfColumn[j]!]! + delta;
					v[j] = v[j]! - delta;
				} else {
					minv[j] = minv[j]! - delta;
				}
			}
			column0 = column1;
		} while (rowOfColumn[column0] !== 0);
		do {
			const column1 = way[column0]!;
			rowOfColumn[column0] = rowOfColumn[column1]!;
			column0 = column1;
		} while (column0 !== 0);
	}
	const columnOfRow = new Array<number>(n).fill(-1);
	for (let j = 1; j <= m; j++) if (rowOfColumn[j]! > 0) columnOfRow[rowOfColumn[j]! - 1] = j - 1;
	return columnOfRow;
}

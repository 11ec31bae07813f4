// jstat ships no type declarations; only the part the domain uses is declared here.
declare module 'jstat' {
	interface JStatStatic {
		studentt: {
			inv(p: number, dof: number): number;
			cdf(x: number, dof: number): number;
		};
	}
	const jStat: JStatStatic;
	export default jStat;
}

// Every size the app accepts from people, in one place: forms, the editor, importers, scenario
// documents, the command line and the database's CHECK constraints (migration
// 20261202220000_size_limits) use these numbers, so an input is refused with a sentence where it
// enters instead of overflowing a column, a sum or the heap further in.

/** The command line's `--time-limit`: a day; far below where Node's timers overflow (2^31 ms ≈ 24.8 days). */
export const MAX_SOLVE_TIME_LIMIT_SEC = 86_400;

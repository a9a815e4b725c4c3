/**
 * What every simulated test is built on: {@code @SimTest} and the {@code Seed} parameter ({@code
 * -Dsim.seed}, {@code -Dsim.seeds}, default seed 1), {@code @Points} for grading, the exact replay
 * command printed with every failure, the trace and run-report files written on failure, and (in
 * {@code property}) the in-house property runner.
 */
package simlab.testing;

/**
 * The command line behind test-scripts (picocli): check-history (re-check a recorded history; exit
 * 0 linearizable, 1 not, 2 unknown, 3 bad input), and the benchmarks (simulator speed, checker
 * against Porcupine's recorded times, explorer seeds per second). Each command parses and validates
 * its options, runs one job, prints figures one per line and never a stack trace for bad input.
 */
package simlab.cli;

/**
 * The 2025 lab 4A starting point: an RSM that compiles and fails its tests. Copy this package into
 * your own, fill in the TODOs and grade it with {@code test-scripts/grade --year 2025 4A --impl
 * rsm=com.example.MyRsmFactory}.
 */
package simlab.rsm.skeleton;

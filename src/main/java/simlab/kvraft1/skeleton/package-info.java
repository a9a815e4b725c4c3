/**
 * The 2025 lab 4B/4C starting point: a KV server and clerk that compile and fail their tests. Copy
 * this package into your own, fill in the TODOs and grade it with {@code test-scripts/grade --year
 * 2025 4B --impl kvraft1=com.example.MyKvRaft1}.
 */
package simlab.kvraft1.skeleton;

/**
 * The lab 3 student handout: a Raft peer ({@code SkeletonRaft}) that compiles and runs but never
 * elects a leader, and its factory. Copy it to your own package (or your own Maven project, as
 * labs/student-raft does) and grade it with {@code test-scripts/grade 3A --impl raft=YOUR.Factory};
 * see labs/lab3-raft.md.
 */
package simlab.raft.skeleton;

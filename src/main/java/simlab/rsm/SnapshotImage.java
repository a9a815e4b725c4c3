package simlab.rsm;

import com.google.common.collect.ImmutableMap;

/**
 * What a {@link Rsm} snapshot holds: the last index it covers (so a restarted replica knows which
 * applied entries to skip), the RSM's duplicate table (empty with {@link Rsm.Dedup#NONE}) and the
 * state machine's own bytes.
 */
record SnapshotImage(
    int lastApplied, ImmutableMap<Long, DuplicateTable.Last> duplicates, byte[] state) {}

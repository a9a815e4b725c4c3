/**
 * simlab's own property runner, on JUnit 5 dynamic tests (the README says why it exists).
 *
 * <p>A {@link simlab.testing.property.Property} is a check over values drawn from a {@link
 * simlab.testing.property.Gen}. Case {@code i} of a property draws from a random stream seeded by
 * (master seed, property name, i), the master seed coming from {@code -Dsim.seed} / {@code
 * -Dsim.seeds} like every simulated test. Every generator reads its randomness through a {@link
 * simlab.testing.property.Source}, which records each choice; shrinking edits that choice sequence
 * and replays it through the same generator (integrated shrinking, as in Hypothesis), so every
 * composed generator shrinks without a shrinker of its own. A failure is shrunk, printed and saved
 * under {@code target/property-failures/}, and {@code -Dsim.property.replay=FILE} replays it.
 */
package simlab.testing.property;

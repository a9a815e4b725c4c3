package simlab.testing.property;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The property runner itself: determinism, case counts, shrinking, saving and replay. */
class PropertyRunnerTest {
  private static final Gen<List<Integer>> LISTS = Gen.ints(0, 1000).list(0, 20);

  private static int sum(List<Integer> xs) {
    return xs.stream().mapToInt(Integer::intValue).sum();
  }

  @Test
  void generationIsDeterministicPerSeed() {
    List<List<Integer>> first = new ArrayList<>();
    List<List<Integer>> again = new ArrayList<>();
    List<List<Integer>> otherSeed = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      first.add(PropertyRunner.generate(LISTS, 7, "p", i));
      again.add(PropertyRunner.generate(LISTS, 7, "p", i));
      otherSeed.add(PropertyRunner.generate(LISTS, 8, "p", i));
    }
    assertEquals(first, again);
    assertNotEquals(first, otherSeed);
    assertTrue(
        first.stream().distinct().count() > 40, "cases should differ from each other: " + first);
  }

  @Test
  void aCaseDependsOnlyOnMasterSeedPropertyNameAndIndex() {
    assertEquals(PropertyRunner.caseSeed(1, "A.p", 3), PropertyRunner.caseSeed(1, "A.p", 3));
    assertNotEquals(PropertyRunner.caseSeed(1, "A.p", 3), PropertyRunner.caseSeed(1, "A.q", 3));
    assertNotEquals(PropertyRunner.caseSeed(1, "A.p", 3), PropertyRunner.caseSeed(2, "A.p", 3));
    assertNotEquals(PropertyRunner.caseSeed(1, "A.p", 3), PropertyRunner.caseSeed(1, "A.p", 4));
    // The cases a property sees do not depend on how many it runs.
    List<List<Integer>> five = new ArrayList<>();
    List<List<Integer>> twenty = new ArrayList<>();
    PropertyRunner.withoutSaving().run("A.p", Property.forAll(LISTS).cases(5).check(five::add), 1);
    PropertyRunner.withoutSaving()
        .run("A.p", Property.forAll(LISTS).cases(20).check(twenty::add), 1);
    assertEquals(five, twenty.subList(0, 5));
  }

  @Test
  void aPassingPropertyRunsExactlyNCases() {
    int[] calls = {0};
    PropertyResult<List<Integer>> r =
        PropertyRunner.withoutSaving()
            .run("A.count", Property.forAll(LISTS).cases(37).check(xs -> calls[0]++), 1);
    assertEquals(new PropertyResult.Passed<>("A.count", 1, 37, 0), r);
    assertEquals(37, calls[0]);
  }

  @Test
  void discardedCasesAreReplacedAndCounted() {
    int[] calls = {0};
    Property<Integer> evens =
        Property.forAll(Gen.ints(0, 1000))
            .cases(30)
            .check(
                x -> {
                  Property.assume(x % 2 == 0);
                  calls[0]++;
                });
    var r =
        assertInstanceOf(
            PropertyResult.Passed.class, PropertyRunner.withoutSaving().run("A.evens", evens, 1));
    assertEquals(30, r.cases());
    assertEquals(30, calls[0]);
    assertTrue(r.discarded() > 0, "about half the cases are odd");
    Property<Integer> never =
        Property.forAll(Gen.ints(0, 10)).cases(5).check(x -> Property.assume(false));
    var g =
        assertInstanceOf(
            PropertyResult.GaveUp.class, PropertyRunner.withoutSaving().run("A.never", never, 1));
    assertEquals(0, g.cases());
    assertEquals(5 * PropertyRunner.DISCARDS_PER_CASE + 1, g.discarded());
  }

  @Test
  void allListsHaveSumBelow100ShrinksToTheList100() {
    Property<List<Integer>> p = Property.forAll(LISTS).holds(xs -> sum(xs) < 100);
    for (long seed = 1; seed <= 20; seed++) {
      var f =
          assertInstanceOf(
              PropertyResult.Failed.class, PropertyRunner.withoutSaving().run("A.sum", p, seed));
      assertEquals(List.of(100), f.value(), f.report());
      assertFalse(f.shrinkBudgetUsedUp(), f.report());
      assertInstanceOf(Property.PropertyFalsified.class, f.failure());
    }
  }

  @Test
  void integersShrinkTowardZeroFromEitherSide() {
    Gen<Integer> ints = Gen.ints(-10_000, 10_000);
    var above =
        assertInstanceOf(
            PropertyResult.Failed.class,
            PropertyRunner.withoutSaving()
                .run("A.above", Property.forAll(ints).holds(x -> x < 1000), 1));
    assertEquals(1000, above.value(), above.report());
    var below =
        assertInstanceOf(
            PropertyResult.Failed.class,
            PropertyRunner.withoutSaving()
                .run("A.below", Property.forAll(ints).holds(x -> x > -500), 1));
    assertEquals(-500, below.value(), below.report());
  }

  /** A record built from generators shrinks field by field to the simplest failing record. */
  record Pair(int a, boolean flag, String name) {}

  @Test
  void recordsShrinkFieldByField() {
    Gen<Integer> as = Gen.ints(0, 100);
    Gen<Boolean> flags = Gen.booleans();
    Gen<String> names = Gen.elements("x", "y", "z");
    Gen<Pair> pairs = s -> new Pair(s.draw(as), s.draw(flags), s.draw(names));
    Property<Pair> p = Property.forAll(pairs).holds(pr -> !(pr.flag() && pr.a() >= 17));
    var f =
        assertInstanceOf(
            PropertyResult.Failed.class, PropertyRunner.withoutSaving().run("A.pair", p, 1));
    assertEquals(new Pair(17, true, "x"), f.value(), f.report());
  }

  @Test
  void shrinkingIsDeterministicAndBoundedByItsStepCount() {
    Property<List<Integer>> p = Property.forAll(LISTS).holds(xs -> sum(xs) < 100);
    var a =
        assertInstanceOf(
            PropertyResult.Failed.class, PropertyRunner.withoutSaving().run("A.sum", p, 3));
    var b =
        assertInstanceOf(
            PropertyResult.Failed.class, PropertyRunner.withoutSaving().run("A.sum", p, 3));
    assertEquals(a.shrunk(), b.shrunk());
    assertEquals(a.shrinkSteps(), b.shrinkSteps());
    Property<List<Integer>> tight =
        Property.forAll(LISTS).shrinkSteps(3).holds(xs -> sum(xs) < 100);
    var c =
        assertInstanceOf(
            PropertyResult.Failed.class, PropertyRunner.withoutSaving().run("A.sum", tight, 3));
    assertEquals(3, c.shrinkSteps());
    assertTrue(c.shrinkBudgetUsedUp());
    assertTrue(c.report().contains("shrink budget ran out"), c.report());
  }

  @Test
  void aSavedFailureReplaysToTheSameValue(@TempDir Path dir) throws Exception {
    Gen<List<Integer>> gen = Gen.ints(-50, 50).list(1, 10);
    Property<List<Integer>> p = Property.forAll(gen).holds(xs -> !xs.contains(-7));
    PropertyRunner runner = new PropertyRunner(dir);
    var f = assertInstanceOf(PropertyResult.Failed.class, runner.run("A.noMinus7", p, 5));
    assertEquals(List.of(-7), f.value(), f.report());
    Path file = dir.resolve("A.noMinus7.txt");
    assertEquals(file, f.saved().orElseThrow());
    String text = Files.readString(file);
    assertTrue(
        text.contains("mvn -q -B test -Dtest='A#noMinus7' -Dsim.property.replay=" + file), text);
    assertTrue(text.contains("value: [-7]"), text);
    FailureFile saved = FailureFile.read(file);
    assertEquals(new FailureFile("A.noMinus7", 5, f.caseIndex(), f.caseSeed(), f.shrunk()), saved);
    assertEquals(f.value(), PropertyRunner.replayValue(gen, saved.choices()));
    var replayed =
        assertInstanceOf(PropertyResult.Failed.class, runner.replay("A.noMinus7", p, saved, file));
    assertEquals(f.value(), replayed.value());
    assertEquals(f.shrunk(), replayed.shrunk());
    // Once fixed, the saved case passes on replay.
    Property<List<Integer>> fixed = Property.forAll(gen).holds(xs -> true);
    assertInstanceOf(PropertyResult.Passed.class, runner.replay("A.noMinus7", fixed, saved, file));
    assertThrows(IllegalArgumentException.class, () -> runner.replay("A.other", p, saved, file));
  }

  @Test
  void aBadFailureFileGetsAOneLineErrorNamingTheLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.txt");
    Files.writeString(file, "# comment\nproperty: A.p\nseed 1\n");
    var e = assertThrows(FailureFile.BadFailureFile.class, () -> FailureFile.read(file));
    assertTrue(
        e.getMessage().startsWith(file + " line 3: expected one of property, master-seed"),
        e.getMessage());
    Files.writeString(
        file, "property: A.p\nmaster-seed: 1\ncase: 0\ncase-seed: 1f\nchoices: 1 x\n");
    e = assertThrows(FailureFile.BadFailureFile.class, () -> FailureFile.read(file));
    assertEquals(file + ": choices: choice 2 is not a number: 'x'", e.getMessage());
    Files.writeString(file, "property: A.p\nmaster-seed: 1\ncase: 0\nchoices: 1\n");
    e = assertThrows(FailureFile.BadFailureFile.class, () -> FailureFile.read(file));
    assertEquals(file + ": missing line 'case-seed: ...'", e.getMessage());
    e =
        assertThrows(
            FailureFile.BadFailureFile.class, () -> FailureFile.read(dir.resolve("none.txt")));
    assertEquals(dir.resolve("none.txt") + ": no such failure file", e.getMessage());
  }
}

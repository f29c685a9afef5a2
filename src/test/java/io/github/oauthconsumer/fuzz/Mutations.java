package io.github.oauthconsumer.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.List;

/**
 * Inputs for the fuzz tests: valid examples changed in one to three places (a character
 * replaced, inserted or removed, a span doubled or cut), and random text of every kind of
 * character, ASCII, Latin-1, other planes and lone surrogates included.
 */
final class Mutations {

    /** Characters that parsers of HTTP headers, forms and URLs treat specially, and others. */
    private static final String SPECIAL = "%=&+\"\\,; \t\r\n#?/:@[]{}<>'`~!*()-._0123456789abcdefABCDEF\u0000\u007f\u00e9\u00ff"
            + "\uff13\u0663\ud800\udc00\u2028\ufeff";

    private Mutations() {
    }

    /** Mutations of the examples, and random text. */
    static Arbitrary<String> of(List<String> examples) {
        Arbitrary<String> mutated = Combinators.combine(Arbitraries.of(examples), mutationList()).as(Mutations::apply);
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(examples)), Tuple.of(6, mutated), Tuple.of(2, randomText()));
    }

    private static Arbitrary<String> randomText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars(SPECIAL).ofMaxLength(200),
                Arbitraries.strings().all().ofMaxLength(200));
    }

    private record Mutation(int kind, double position, double length, char character) {
    }

    private static Arbitrary<List<Mutation>> mutationList() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 4),
                        Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1),
                        Arbitraries.oneOf(Arbitraries.chars().with(SPECIAL.toCharArray()), Arbitraries.chars().all()))
                .as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(3);
    }

    private static String apply(String example, List<Mutation> mutations) {
        StringBuilder text = new StringBuilder(example);
        for (Mutation m : mutations) {
            int at = (int) (m.position() * text.length());
            int span = Math.min(text.length() - at, 1 + (int) (m.length() * 16));
            boolean inside = at < text.length();
            switch (m.kind()) {
                case 0 -> text.replace(at, inside ? at + 1 : at, String.valueOf(m.character()));
                case 1 -> text.insert(at, m.character());
                case 2 -> text.delete(at, inside ? at + 1 : at);
                case 3 -> text.insert(at, text.substring(at, at + span));
                default -> text.delete(at, at + span);
            }
        }
        return text.toString();
    }
}

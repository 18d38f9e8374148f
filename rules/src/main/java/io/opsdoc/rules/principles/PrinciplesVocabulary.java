package io.opsdoc.rules.principles;

import io.opsdoc.rules.criteria.Vocabulary;

/** The vocabulary of the principles rules, loaded once on first use. */
final class PrinciplesVocabulary {
    private PrinciplesVocabulary() {
    }

    static Vocabulary get() {
        return Holder.VOCABULARY;
    }

    private static final class Holder {
        static final Vocabulary VOCABULARY = Vocabulary.load(PrinciplesVocabulary.class, "vocabulary.yaml");
    }
}

package io.opsdoc.rules.criteria;

/** The vocabulary of the criteria rules, loaded once on first use. */
final class CriteriaVocabulary {
    private CriteriaVocabulary() {
    }

    static Vocabulary get() {
        return Holder.VOCABULARY;
    }

    private static final class Holder {
        static final Vocabulary VOCABULARY = Vocabulary.load(CriteriaVocabulary.class, "vocabulary.yaml");
    }
}

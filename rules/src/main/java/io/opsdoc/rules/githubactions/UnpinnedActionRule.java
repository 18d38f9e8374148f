package io.opsdoc.rules.githubactions;

import io.opsdoc.core.Level;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.RuleMeta;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code uses:} references that are not pinned to a full commit SHA (or a Docker digest). */
final class UnpinnedActionRule implements DocumentRule {
    static final String ID = "github-actions/unpinned-action";
    static final OptionSpec<List<String>> TRUSTED_OWNERS = OptionSpec.stringList("trusted-owners", List.of(),
            "Owners (`my-org`) or repositories (`my-org/actions`) whose tag references are accepted");

    private static final String HELP = """
            A `uses:` reference runs whatever code its ref points at *when the job starts*. Branches
            (`@main`, `@master`, `@develop`) move with every push, and tags (`@v4`, `@v4.1.2`) can be
            re-pointed by the action's owner or by anyone who compromises the owner's account, which
            is how supply-chain attacks such as the `tj-actions/changed-files` incident reached
            thousands of pipelines. Only a full 40-character commit SHA is immutable.

            Branch refs (and Docker images without a tag or with `:latest`) are errors; version tags
            are reported as notes, because they are the common convention but still mutable.
            Local actions (`./.github/actions/...`), reusable workflows of the same repository and
            Docker images pinned by digest (`docker://image@sha256:...`) are pinned by definition.
            Owners you trust to keep tags immutable (for example your own organisation) can be
            exempted with the `trusted-owners` option.

            **How to fix**: pin the full commit SHA and keep the human-readable version in a
            comment, so Dependabot or Renovate can still propose updates:

            ```yaml
            steps:
              - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
              - uses: docker://ghcr.io/acme/linter@sha256:4f9a1c2e0b6c8d7e5f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e
            ```
            """;

    static final Message NO_REF = Message.of("no-ref",
            "'{0}' has no ref, so it follows the default branch; pin it to a full 40-character commit SHA");
    static final Message SHORT_SHA = Message.of("short-sha",
            "'{0}' uses an abbreviated commit SHA; pin the full 40-character SHA");
    static final Message TAG = Message.of("tag",
            "'{0}' is pinned to the tag '{1}', which can be moved; pin the full commit SHA and keep '{1}' in "
                    + "a comment");
    static final Message BRANCH = Message.of("moving-ref",
            "'{0}' follows the moving ref '{1}'; pin it to a full 40-character commit SHA (keep the version "
                    + "in a comment)");
    static final Message DOCKER_LATEST = Message.of("docker-latest",
            "'{0}' runs whatever image is tagged 'latest' at run time; pin the image by digest "
                    + "(docker://image@sha256:...)");
    static final Message DOCKER_TAG = Message.of("docker-tag",
            "'{0}' is pinned to the tag '{1}', which can be re-pushed; pin the image by digest "
                    + "(docker://image@sha256:...)");

    private static final RuleMeta META = RuleMeta.of(ID, Level.ERROR,
            "A `uses:` that is not pinned to a full commit SHA (error for branches, note for tags)",
            HELP, List.of("github-actions", "security", "supply-chain"))
            .withOptions(TRUSTED_OWNERS)
            .withSecuritySeverity("7.5")
            .withMessages(NO_REF, SHORT_SHA, TAG, BRANCH, DOCKER_LATEST, DOCKER_TAG);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        List<String> trusted = context.options().get(TRUSTED_OWNERS).stream()
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        for (Workflows.Uses uses : Workflows.uses(context)) {
            ActionRef.parse(uses.value().getValue()).flatMap(ref -> problem(ref, trusted)).ifPresent(problem -> {
                Report report = Report.of(uses.doc().block().range(uses.value()), problem.message(), problem.args());
                context.report(problem.note() ? report.withLevel(Level.NOTE) : report);
            });
        }
    }

    private record Problem(Message message, boolean note, Object... args) {
    }

    private static Optional<Problem> problem(ActionRef ref, List<String> trusted) {
        switch (ref.kind()) {
            case LOCAL, EXPRESSION:
                return Optional.empty();
            case DOCKER:
                return dockerProblem(ref);
            default:
                break;
        }
        if (ref.pinnedToFullSha() || isTrusted(ref, trusted)) {
            return Optional.empty();
        }
        String text = ref.text();
        if (ref.ref().isEmpty()) {
            return Optional.of(new Problem(NO_REF, false, text));
        }
        if (ref.abbreviatedSha()) {
            return Optional.of(new Problem(SHORT_SHA, false, text));
        }
        if (ref.versionTag()) {
            return Optional.of(new Problem(TAG, true, text, ref.ref()));
        }
        return Optional.of(new Problem(BRANCH, false, text, ref.ref()));
    }

    private static Optional<Problem> dockerProblem(ActionRef ref) {
        String tag = ref.ref();
        if (tag.startsWith("@sha256:") || tag.startsWith("@")) {
            return Optional.empty();
        }
        if (tag.isEmpty() || tag.equals("latest")) {
            return Optional.of(new Problem(DOCKER_LATEST, false, ref.text()));
        }
        return Optional.of(new Problem(DOCKER_TAG, true, ref.text(), tag));
    }

    private static boolean isTrusted(ActionRef ref, List<String> trusted) {
        String owner = ref.owner().toLowerCase(Locale.ROOT);
        String repository = ref.repository().toLowerCase(Locale.ROOT);
        return trusted.contains(owner) || trusted.contains(repository);
    }
}

package io.opsdoc.rules.criteria;

import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.Focus;
import io.opsdoc.core.facts.TermFact;
import io.opsdoc.core.facts.Terms;
import io.opsdoc.core.Level;
import io.opsdoc.core.facts.ProseMask;
import io.opsdoc.core.facts.Vocabulary;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.core.rule.TypedDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A secrets store must be named, and no secret may be handled in plain text. */
public final class SecretsManagementRule implements SetRule {
    /** Ends of a sentence: punctuation before white space, a blank line, a table cell border. */
    private static final Pattern SEPARATOR = Pattern.compile("(?<=[.!?;])\\s+|\\n[ \\t>]*\\n|\\|");
    private static final Pattern CI_SECRET_REF = Pattern.compile("\\$\\{\\{\\s*secrets\\.");

    static final Message NO_STORE = Message.of("no-store",
            "No secrets store named in {0} or the other plans; say where secrets live (e.g. Vault, AWS "
                    + "Secrets Manager, Azure Key Vault, Sealed Secrets) and how they reach the pipeline and workloads");
    static final Message PLAIN_TEXT = Message.of("plain-text",
            "Secrets handled in plain text ('{0}'); keep them in a secrets store and inject them at deploy "
                    + "or run time instead");

    private static final String HELP = """
            "Secrets management is secure": the plan names where secrets live (HashiCorp Vault, AWS \
            Secrets Manager, Azure Key Vault, GCP Secret Manager, Sealed Secrets, SOPS, External Secrets, \
            the CI system's encrypted secrets...) and never handles them in plain text — no passwords \
            committed in `.env` files, pasted into wikis or hard-coded in manifests.

            The rule looks for a store in the CI/CD document's *Environment Variables & Secrets* section \
            and the other documents (option `secret-stores`; `${{ secrets.X }}` references count as the CI \
            store), and reads every sentence of the planning set for a secret word (password, token, API \
            key...) together with a plain-text word (committed, plain text, hard-coded, `.env` file...) \
            without a negation ("never", "not"...). Literal credentials in code are the business of \
            `security/hardcoded-secret`.

            **How to fix**: name the store and how values reach the workloads, for example:

            ```markdown
            Application secrets live in AWS Secrets Manager under `shop/<env>/*` and reach the pods through
            External Secrets; CI credentials are GitHub environment secrets. Nothing secret is committed.
            ```
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        List<OptionSpec> options = new ArrayList<>();
        options.addAll(Vocabulary.get().options("secret-stores", "Names of secrets stores"));
        options.addAll(Vocabulary.get().options("plaintext-words", "Words that say a secret is kept in plain text"));
        return RuleMeta.of("criteria/secrets-management", Level.WARNING,
                "No secrets store named, or secrets handled in plain text", HELP,
                List.of("criteria", "security", "secrets")).withOptions(options.toArray(OptionSpec[]::new))
                .appliesTo("cicd-pipeline", "infrastructure-as-code", "deployment-strategy")
                .withMessages(NO_STORE, PLAIN_TEXT);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        Optional<TypedDocument> cicd = context.set().document(DocumentFacts.CICD);
        Optional<TypedDocument> iac = context.set().document(DocumentFacts.IAC);
        Optional<TypedDocument> deploy = context.set().document(DocumentFacts.DEPLOYMENT);
        if (cicd.isEmpty() && iac.isEmpty() && deploy.isEmpty()) {
            return;
        }
        Vocabulary v = Vocabulary.get();
        StringBuilder haystack = new StringBuilder();
        List<DocumentFacts> plans = new ArrayList<>();
        // Every plan of these types counts, also when the set holds several of one type.
        for (TypedDocument d : context.set().documents()) {
            if (List.of(DocumentFacts.CICD, DocumentFacts.IAC, DocumentFacts.DEPLOYMENT).contains(d.type().id())) {
                haystack.append(Evidence.text(d.document())).append('\n');
                plans.add(DocumentFacts.of(d));
            }
        }
        // The stores are the plans' secrets-store facts; `${{ secrets.X }}` references are the CI's own store.
        boolean store = Terms.mentions(plans, TermFact.SECRETS_STORE, v.effective(context.options(), "secret-stores"))
                || CI_SECRET_REF.matcher(haystack).find();
        if (!store) {
            TypedDocument target = cicd.or(() -> iac).or(() -> deploy).orElseThrow();
            Optional<Section> section = cicd.isPresent()
                    ? Focus.of(target, "Environment Variables & Secrets").section() : Optional.empty();
            context.report(target.document(), Evidence.anchor(target.document(), section), NO_STORE,
                    cicd.isPresent() ? Evidence.where(section, "Environment Variables & Secrets") : "the document");
        }
        List<String> secretWords = v.terms("secret-words");
        List<String> plainWords = v.effective(context.options(), "plaintext-words");
        List<String> negations = v.terms("negations");
        List<String> stores = v.effective(context.options(), "secret-stores");
        for (TypedDocument d : context.set().documents()) {
            MarkdownDocument doc = d.document();
            String text = ProseMask.proseText(doc);
            Matcher separators = SEPARATOR.matcher(text);
            int unitStart = 0;
            while (unitStart < text.length()) {
                int unitEnd = separators.find(unitStart) ? separators.start() : text.length();
                String sentence = text.substring(unitStart, unitEnd);
                Optional<Vocabulary.Match> secret = Vocabulary.find(sentence, secretWords);
                Optional<Vocabulary.Match> plain = Vocabulary.find(sentence, plainWords);
                // Only a negation before the plain-text word negates it ("never committed", not "... without setup").
                // A sentence that puts the secret into a store ("a secret named X in the repository settings") is not plain text.
                if (secret.isPresent() && plain.isPresent()
                        && !Vocabulary.contains(sentence.substring(0, plain.get().end()), negations)
                        && !Vocabulary.contains(sentence, stores)) {
                    int start = unitStart + Math.min(secret.get().start(), plain.get().start());
                    int end = unitStart + Math.max(secret.get().end(), plain.get().end());
                    context.report(doc, doc.source().range(start, end), PLAIN_TEXT, plain.get().term());
                }
                unitStart = unitEnd == text.length() ? unitEnd : Math.max(separators.end(), unitEnd + 1);
            }
        }
    }
}

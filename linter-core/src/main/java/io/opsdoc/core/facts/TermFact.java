package io.opsdoc.core.facts;

import io.opsdoc.core.source.Range;

/**
 * A named thing the plan mentions: a secrets store, a security scanner, a backup mechanism, a
 * deployment strategy, a pipeline job.
 *
 * @param kind the category (see docs/facts.md)
 * @param name the canonical term from the vocabulary (lower case), or the job's heading
 * @param written the text as written
 * @param range the first place it is written
 */
public record TermFact(String kind, String name, String written, Range range) {
    public static final String SECRETS_STORE = "secrets-store";
    public static final String SCANNER = "scanner";
    public static final String BACKUP = "backup";
    public static final String DEPLOYMENT_STRATEGY = "deployment-strategy";
    public static final String PIPELINE_JOB = "pipeline-job";
}

package io.opsdoc.core.facts;

import io.opsdoc.core.source.Range;

/**
 * A labelled duration the plan states or configures: a pipeline stage target, the pipeline total,
 * a stated rollback time, an automation limit ({@code progressDeadlineSeconds: 900},
 * {@code --timeout=15m}), a recovery objective (RTO, RPO).
 *
 * @param kind what the duration is (see docs/facts.md for the kinds)
 * @param label the stage, setting or objective as written ("Build", "progressDeadlineSeconds: 900", "RTO")
 * @param seconds the value; for a range ("2-3 min") the upper bound
 * @param written the duration as written
 * @param context the sentence, list item or row the duration was read from
 * @param range where the duration is written
 */
public record TimedFact(String kind, String label, double seconds, String written, String context, Range range) {
    public static final String STAGE = "stage-target";
    public static final String PIPELINE_TOTAL = "pipeline-total";
    public static final String ROLLBACK_TIME = "rollback-time";
    public static final String AUTOMATION_LIMIT = "automation-limit";
    public static final String RTO = "rto";
    public static final String RPO = "rpo";
}

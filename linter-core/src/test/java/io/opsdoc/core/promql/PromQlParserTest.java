package io.opsdoc.core.promql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.opsdoc.core.promql.PromQlExpr.AggregateExpr;
import io.opsdoc.core.promql.PromQlExpr.BinaryExpr;
import io.opsdoc.core.promql.PromQlExpr.Call;
import io.opsdoc.core.promql.PromQlExpr.MatrixSelector;
import io.opsdoc.core.promql.PromQlExpr.NumberLiteral;
import io.opsdoc.core.promql.PromQlExpr.ParenExpr;
import io.opsdoc.core.promql.PromQlExpr.Subquery;
import io.opsdoc.core.promql.PromQlExpr.UnaryExpr;
import io.opsdoc.core.promql.PromQlExpr.VectorSelector;

class PromQlParserTest {

    /** Examples from the Prometheus docs (basics, operators, functions, alerting) and typical SRE alerts. */
    static Stream<String> validExpressions() {
        return Stream.of(
        "http_requests_total",
        "http_requests_total{job=\"apiserver\", handler=\"/api/comments\"}",
        "http_requests_total{job=\"apiserver\", handler=\"/api/comments\"}[5m]",
        "http_requests_total{job=~\".*server\"}",
        "http_requests_total{status!~\"4..\"}",
        "rate(http_requests_total[5m])[30m:1m]",
        "max_over_time(deriv(rate(distance_covered_total[5s])[30s:5s])[10m:])",
        "rate(http_requests_total[5m])",
        "sum by (job) (rate(http_requests_total[5m]))",
        "(instance_memory_limit_bytes - instance_memory_usage_bytes) / 1024 / 1024",
        "sum by (app, proc) (instance_memory_limit_bytes - instance_memory_usage_bytes) / 1024 / 1024",
        "topk(3, sum by (app, proc) (rate(instance_cpu_time_ns[5m])))",
        "count by (app) (instance_cpu_time_ns)",
        "{__name__=~\"job:.*\"}",
        "{job=~\".+\"}",
        "{job=~\".*\",method=\"get\"}",
        "sum(http_requests_total{method=\"GET\"} @ 1609746000)",
        "rate(http_requests_total[5m] @ 1609746000)",
        "http_requests_total @ start()",
        "rate(http_requests_total[5m] @ end())",
        "http_requests_total offset 5m",
        "sum(http_requests_total{method=\"GET\"} offset 5m)",
        "rate(http_requests_total[5m] offset 1w)",
        "rate(http_requests_total[5m] offset -1w)",
        "http_requests_total offset 5m @ 1609746000",
        "http_requests_total @ 1609746000 offset 5m",
        "method_code:http_errors:rate5m{code=\"500\"} / ignoring(code) method:http_requests:rate5m",
        "method_code:http_errors:rate5m / ignoring(code) group_left method:http_requests:rate5m",
        "sum without (instance) (http_requests_total)",
        "sum by (application, group) (http_requests_total)",
        "count_values(\"version\", build_version)",
        "topk(5, http_requests_total)",
        "quantile(0.9, rate(x[5m]))",
        "histogram_quantile(0.9, rate(http_request_duration_seconds_bucket[10m]))",
        "histogram_quantile(0.9, sum by (job, le) (rate(http_request_duration_seconds_bucket[10m])))",
        "label_join(up{job=\"api-server\",src1=\"a\",src2=\"b\",src3=\"c\"}, \"foo\", \",\", \"src1\", \"src2\", \"src3\")",
        "label_replace(up{job=\"api-server\",service=\"a:c\"}, \"foo\", \"$1\", \"service\", \"(.*):.*\")",
        "absent(nonexistent{job=\"myjob\"})",
        "absent_over_time(nonexistent{job=\"myjob\"}[1h])",
        "predict_linear(node_filesystem_free_bytes[6h], 4*3600) < 0",
        "up == 0",
        "absent(up{job=\"x\"} == 1)",
        "histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m]))) > 0.5",
        "sum(rate(x{code=~\"5..\"}[5m])) / sum(rate(x[5m])) > 14.4 * 0.001",
        "(sum(rate(x{code=~\"5..\"}[1h])) / sum(rate(x[1h])) > 14.4 * 0.001) and (sum(rate(x{code=~\"5..\"}[5m])) / sum(rate(x[5m])) > 14.4 * 0.001)",
        "job:request_latency_seconds:mean5m{job=\"myjob\"} > 0.5",
        "avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\"}[5m])) * 100 < 10",
        "time() - process_start_time_seconds < 60",
        "day_of_week() == 6",
        "hour(timestamp(up)) > 12",
        "clamp(x, 0, 1)",
        "clamp_min(x, 0) + clamp_max(x, 1)",
        "round(x, 0.5)",
        "round(x)",
        "sort_by_label(x, \"a\", \"b\")",
        "double_exponential_smoothing(x[1h], 0.5, 0.5)",
        "holt_winters(x[1h], 0.5, 0.5)",
        "quantile_over_time(0.95, x[1h])",
        "vector(1)",
        "scalar(x) * 2",
        "-x",
        "- - 1",
        "2 ^ 3 ^ 2",
        "-2 ^ 2",
        "x > bool 1",
        "x == bool on(a) group_left(b) y",
        "x or on() vector(0)",
        "x unless y",
        "0x1F + 1e3 + .5 + Inf - NaN + 1_000",
        "sum(x) by (job)",
        "sum by (job) (x)",
        "SUM BY (job) (x)",
        "sum by (on, by, bool, group_left, offset) (x)",
        "x{on=\"a\", by=\"b\", and=\"c\"}",
        "avg_over_time(x[1h30m])",
        "x[1y2w3d4h5m6s7ms]",
        "x offset 1h30m",
        "x[300]",
        "limitk(2, x)",
        "limit_ratio(0.5, x)",
        "info(x, {k8s_cluster_name=~\".+\"})",
        "mad_over_time(x[5m])",
        "ts_of_max_over_time(x[5m])",
        "count(x) by (a,)",
        "x{a=\"b\",}",
        "{\"my.metric\", job=\"a\"}",
        "sum by (\"my.label\") (x)",
        "`raw`",
        "\"str\"",
        "1",
        "rate(x[5m:])",
        "(x)[5m:1m] offset 1h",
        "time()",
        "pi()",
        "sgn(x) + deg(x) + rad(x) + asinh(x)",
        "x atan2 y",
        "x % 2 == bool 1",
        "sum(rate(x[5m])) without (a)",
        "x # trailing comment",
        "stddev_over_time(x[1h]) > 3",
        "min(x) - max(y) - avg(z) - group(w) - stddev(x) - stdvar(y)",
        "bottomk(1, x)",
        "present_over_time(x[5m])",
        "first_over_time(x[5m]) + last_over_time(x[5m])",
        "histogram_fraction(0, 0.2, rate(x[1h]))",
        "histogram_count(rate(x[10m]))");
    }

    @ParameterizedTest
    @MethodSource("validExpressions")
    void parsesValidExpression(String expr) {
        PromQlResult result = PromQlParser.parse(expr);
        assertThat(result.error()).as(expr).isEmpty();
        assertThat(result.ok()).isTrue();
        PromQlExpr root = result.expr().orElseThrow();
        assertThat(root.start()).isGreaterThanOrEqualTo(0);
        assertThat(root.end()).isLessThanOrEqualTo(expr.length());
    }

    @Test
    void hasEnoughValidExamples() {
        assertThat(validExpressions().count()).isGreaterThanOrEqualTo(60);
        assertThat(invalidExpressions().count()).isGreaterThanOrEqualTo(30);
    }

    /** Invalid input, the UTF-16 offset the error must point at, and a fragment of the message. */
    static Stream<Arguments> invalidExpressions() {
        return Stream.of(
            Arguments.of("sum(rate(x[5m])", 3, "unclosed left parenthesis"),
            Arguments.of("x[5 minutes]", 4, "unexpected character in duration expression"),
            Arguments.of("rates(x[5m])", 0, "unknown function with name \"rates\""),
            Arguments.of("rate(http_requests_total)", 5, "expected type range vector"),
            Arguments.of("sum by (job) x", 13, "expected \"(\""),
            Arguments.of("up ==", 5, "unexpected end of input"),
            Arguments.of("up > 1 and", 10, "unexpected end of input"),
            Arguments.of("x + bool y", 2, "bool modifier can only be used on comparison operators"),
            Arguments.of("{job=~\"a\"", 0, "inside braces"),
            Arguments.of("x[5m", 1, "unclosed left bracket"),
            Arguments.of("x[5m:1m", 1, "unclosed left bracket"),
            Arguments.of("foo{a!b=\"c\"}", 5, "unexpected character after '!'"),
            Arguments.of("{job=\"\"}", 0, "at least one non-empty matcher"),
            Arguments.of("{job=~\".*\"}", 0, "at least one non-empty matcher"),
            Arguments.of("sum(x)[5m]", 6, "ranges only allowed for vector selectors"),
            Arguments.of("x offset", 8, "expected duration"),
            Arguments.of("x[5M]", 2, "bad number or duration syntax"),
            Arguments.of("x[1m1h]", 2, "not a valid duration string"),
            Arguments.of("x[5m5m]", 2, "not a valid duration string"),
            Arguments.of("(x))", 3, "unexpected right parenthesis"),
            Arguments.of("foo bar", 4, "unexpected identifier \"bar\""),
            Arguments.of("1 > 2", 2, "comparisons between scalars must use BOOL modifier"),
            Arguments.of("rate(x[5m], 1)", 0, "expected 1 argument(s)"),
            Arguments.of("topk(x)", 0, "wrong number of arguments"),
            Arguments.of("count_values(1, x)", 13, "expected type string"),
            Arguments.of("x and 1", 0, "set operator \"and\" not allowed"),
            Arguments.of("x * on(a) group_left(a) y", 2, "must not occur in ON and GROUP clause"),
            Arguments.of("x and on(a) group_left y", 0, "no grouping allowed"),
            Arguments.of("x * group_left y", 4, "unexpected <group_left>"),
            Arguments.of("x offset 5m offset 1m", 0, "offset may not be set multiple times"),
            Arguments.of("x @ 1 @ 2", 0, "may not be set multiple times"),
            Arguments.of("sum(x) offset 5m", 0, "offset modifier must be preceded by"),
            Arguments.of("\"a\" + 1", 0, "only scalar and instant vector types"),
            Arguments.of("x{a=\"b\",,}", 8, "in label matching"),
            Arguments.of("x{a=b}", 4, "expected string"),
            Arguments.of("x{a~\"b\"}", 3, "unexpected character inside braces"),
            Arguments.of("label_replace(x, \"a\", \"b\", \"c\")", 0, "expected 5 argument(s)"),
            Arguments.of("rate(x[5m],)", 10, "trailing commas not allowed"),
            Arguments.of("-\"a\"", 0, "unary expression only allowed"),
            Arguments.of("x[5m] + 1", 0, "only scalar and instant vector types"),
            Arguments.of("x{__name__=\"y\"}", 0, "metric name must not be set twice"),
            Arguments.of("x =~ \"a\"", 2, "unexpected character after '='"),
            Arguments.of("'unterminated", 0, "unterminated quoted string"),
            Arguments.of("# only a comment", 0, "no expression found in input"),
            Arguments.of("", 0, "no expression found in input"),
            Arguments.of("on{}", 0, "unexpected <on>"),
            Arguments.of("x offset 5m [10m]", 12, "no offset modifiers allowed before range"),
            Arguments.of("rate(x[5m])[10m]", 11, "ranges only allowed for vector selectors"),
            Arguments.of("x[5m][10m:1m]", 0, "subquery is only allowed on instant vector"),
            Arguments.of("sum by (a:b) (x)", 8, "in grouping opts, expected label"),
            Arguments.of("x{a=\"\\d\"}", 5, "unknown escape sequence"),
            Arguments.of("x{a=\"\\x4\"}", 5, "illegal character in escape sequence"),
            Arguments.of("1 + on(a) x", 0, "vector matching only allowed between instant vectors"),
            Arguments.of("sum()", 0, "no arguments for aggregate expression"),
            Arguments.of("x @ start", 9, "expected \"(\""),
            Arguments.of("x{job=~\"(?=a)\"}", 7, "unsupported Perl syntax"),
            Arguments.of("avg_over_time(x)", 14, "expected type range vector"),
            Arguments.of("histogram_quantile(0.9, x[5m])", 24, "expected type instant vector"),
            Arguments.of("x ^", 3, "unexpected end of input"),
            Arguments.of("x ¬ y", 2, "unexpected character: '¬'"),
            Arguments.of("1.2.3", 0, "bad number"));
    }

    @ParameterizedTest
    @MethodSource("invalidExpressions")
    void reportsInvalidExpression(String expr, int offset, String messagePart) {
        PromQlResult result = PromQlParser.parse(expr);
        assertThat(result.ok()).as(expr).isFalse();
        PromQlError error = result.error().orElseThrow();
        assertThat(error.message()).as(expr).contains(messagePart);
        assertThat(error.offset()).as(expr + " -> " + error).isEqualTo(offset);
        assertThat(error.endOffset()).isBetween(error.offset(), Math.max(expr.length(), 0));
    }

    @Test
    void nullInputIsAnError() {
        assertThat(PromQlParser.parse(null).ok()).isFalse();
    }

    @Test
    void binaryOperatorPrecedenceAndAssociativity() {
        BinaryExpr or = (BinaryExpr) parse("a or b and c unless d > 1 + 2 * 3 ^ 4 ^ 5");
        assertThat(or.op()).isEqualTo("or");
        BinaryExpr unless = (BinaryExpr) or.rhs();
        assertThat(unless.op()).isEqualTo("unless");
        assertThat(((BinaryExpr) unless.lhs()).op()).isEqualTo("and");
        BinaryExpr gt = (BinaryExpr) unless.rhs();
        assertThat(gt.op()).isEqualTo(">");
        BinaryExpr plus = (BinaryExpr) gt.rhs();
        BinaryExpr times = (BinaryExpr) plus.rhs();
        BinaryExpr pow = (BinaryExpr) times.rhs();
        assertThat(pow.op()).isEqualTo("^");
        // '^' is right-associative: 3 ^ (4 ^ 5)
        assertThat(pow.lhs()).isInstanceOf(NumberLiteral.class);
        assertThat(((BinaryExpr) pow.rhs()).op()).isEqualTo("^");

        BinaryExpr minus = (BinaryExpr) parse("a - b - c");
        assertThat(minus.lhs()).isInstanceOf(BinaryExpr.class);
        assertThat(minus.rhs()).isInstanceOf(VectorSelector.class);
    }

    @Test
    void unaryMinusBindsLooserThanPowerButTighterThanMultiplication() {
        assertThat(PromQlAnalysis.constantValue(parse("-2 ^ 2"))).contains(-4.0);
        PromQlExpr e = parse("-x * y");
        assertThat(e).isInstanceOf(BinaryExpr.class);
        assertThat(((BinaryExpr) e).lhs()).isInstanceOf(UnaryExpr.class);
        assertThat(parse("-1")).isEqualTo(new NumberLiteral(-1, 0, 2));
    }

    @Test
    void selectorsModifiersAndPositions() {
        String src = "rate(http_requests_total{job=\"api\", code=~\"5..\"}[5m] offset -1h @ 1609746000)";
        Call call = (Call) parse(src);
        assertThat(call.function()).isEqualTo("rate");
        assertThat(call.start()).isZero();
        assertThat(call.end()).isEqualTo(src.length());
        MatrixSelector m = (MatrixSelector) call.args().get(0);
        assertThat(m.range()).isEqualTo(Duration.ofMinutes(5));
        VectorSelector vs = m.selector();
        assertThat(vs.metricName()).isEqualTo("http_requests_total");
        assertThat(vs.matchers()).containsExactly(
            new LabelMatcher("job", LabelMatcher.MatchType.EQUAL, "api"),
            new LabelMatcher("code", LabelMatcher.MatchType.REGEX, "5.."));
        assertThat(vs.offset()).isEqualTo(Duration.ofHours(-1));
        assertThat(vs.at()).isEqualTo(AtModifier.timestamp(1609746000));
        assertThat(src.substring(m.start(), m.end())).startsWith("http_requests_total{").endsWith("1609746000");
    }

    @Test
    void subqueries() {
        Subquery sq = (Subquery) parse("max_over_time(rate(x[1m])[30m:1m])").children().get(0);
        assertThat(sq.range()).isEqualTo(Duration.ofMinutes(30));
        assertThat(sq.step()).isEqualTo(Duration.ofMinutes(1));
        Subquery noStep = (Subquery) parse("min_over_time(rate(x[1m])[30m:])").children().get(0);
        assertThat(noStep.step()).isNull();
        Subquery at = (Subquery) parse("(x)[5m:1m] @ end()");
        assertThat(at.at().kind()).isEqualTo(AtModifier.Kind.END);
        assertThat(at.expr()).isInstanceOf(ParenExpr.class);
    }

    @Test
    void aggregationsWithGroupingBeforeOrAfter() {
        AggregateExpr before = (AggregateExpr) parse("sum by (job, instance) (x)");
        AggregateExpr after = (AggregateExpr) parse("sum(x) by (job, instance)");
        assertThat(before.grouping()).containsExactly("job", "instance");
        assertThat(after.grouping()).containsExactly("job", "instance");
        assertThat(after.end()).isEqualTo("sum(x) by (job, instance)".length());
        AggregateExpr topk = (AggregateExpr) parse("topk without (a) (5, x)");
        assertThat(topk.without()).isTrue();
        assertThat(topk.param()).isEqualTo(new NumberLiteral(5, 18, 19));
    }

    @Test
    void vectorMatching() {
        BinaryExpr b = (BinaryExpr) parse("a / on(job) group_left(team) b");
        assertThat(b.matching()).isEqualTo(new VectorMatching(VectorMatching.Cardinality.MANY_TO_ONE,
            List.of("job"), true, List.of("team")));
        BinaryExpr set = (BinaryExpr) parse("a and ignoring(x) b");
        assertThat(set.matching().cardinality()).isEqualTo(VectorMatching.Cardinality.MANY_TO_MANY);
        assertThat(((BinaryExpr) parse("a > 1")).matching()).isNull();
        assertThat(((BinaryExpr) parse("a > bool 1")).returnBool()).isTrue();
    }

    @Test
    void keywordsAsNames() {
        assertThat(((VectorSelector) parse("sum")).metricName()).isEqualTo("sum");
        assertThat(((VectorSelector) parse("offset offset 5m")).metricName()).isEqualTo("offset");
        assertThat(((BinaryExpr) parse("by and without")).op()).isEqualTo("and");
    }

    @Test
    void numbers() {
        assertThat(((NumberLiteral) parse("0x1F")).value()).isEqualTo(31);
        assertThat(((NumberLiteral) parse("1e3")).value()).isEqualTo(1000);
        assertThat(((NumberLiteral) parse("+Inf")).value()).isInfinite();
        assertThat(((NumberLiteral) parse("NaN")).value()).isNaN();
        assertThat(((NumberLiteral) parse("010")).value()).isEqualTo(8); // Go's ParseInt(s, 0, 64) reads octal
        assertThat(((NumberLiteral) parse("5m")).value()).isEqualTo(300); // durations as seconds (Prometheus 3)
    }

    @Test
    void stringsAreUnquoted() {
        VectorSelector vs = (VectorSelector) parse("x{a=\"\\\\d+\\n\", b='it\\'s', c=`\\d`}");
        assertThat(vs.matchers()).extracting(LabelMatcher::value).containsExactly("\\d+\n", "it's", "\\d");
    }

    @Test
    void errorOffsetsAreUtf16Indexes() {
        PromQlResult r = PromQlParser.parse("x{a=\"😀\"} +");
        assertThat(r.error().orElseThrow().offset()).isEqualTo("x{a=\"😀\"} +".length());
    }

    /** Found by PromQlParserFuzzTest: eight hex digits overflowed an int and reached the internal-error guard. */
    @Test
    void escapeBeyondUnicodeIsASyntaxError() {
        for (String expr : List.of("x{a=\"\\UBECCCCCC\"}", "x{a=\"\\U80000000\"}", "x{a=\"\\U00110000\"}")) {
            PromQlResult r = PromQlParser.parse(expr);
            assertThat(r.error()).as(expr).get().extracting(PromQlError::message)
                    .isEqualTo("escape sequence is an invalid Unicode code point");
        }
        assertThat(PromQlParser.parse("x{a=\"\\U0001F680\"}").ok()).isTrue();
    }

    @Test
    void whitespaceNewlinesAndComments() {
        String src = "sum by (job) (\n  rate(x[5m]) # requests\n)\n# done\n  > 1";
        assertThat(PromQlParser.parse(src).ok()).isTrue();
    }

    private static PromQlExpr parse(String expr) {
        PromQlResult r = PromQlParser.parse(expr);
        assertThat(r.error()).as(expr).isEmpty();
        return r.expr().orElseThrow();
    }
}

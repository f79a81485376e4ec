package dev.baml4j.cli.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baml4j.lang.TestDef;
import dev.baml4j.runtime.BamlRuntime;
import dev.baml4j.types.BamlValue;
import dev.baml4j.types.Constraint;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code baml4j test DIR [--filter PATTERN]}: runs the project's {@code test} blocks (each function a
 * test lists, with its args), evaluates {@code @@check} and {@code @@assert}, shows progress and a
 * summary table. Exit 0 when every test passed, 1 when one failed, 4 when no test matched.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Runs the test blocks of the project in DIR and prints a summary; non-zero exit on failure.")
public final class TestCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder holding the .baml files.")
    Path dir;

    @Option(names = "--filter", paramLabel = "PATTERN",
            description = "Runs only tests whose name, function or FUNCTION::TEST matches; * is a wildcard (repeatable).")
    List<String> filters = new ArrayList<>();

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "10",
            description = "Runs up to N tests at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Mixin
    CallFlags flags;

    @Spec
    CommandSpec spec;

    /** One test of one function, after it ran. */
    record Result(String function, String test, String status, long latencyMs, String detail) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BamlRuntime rt;
        try {
            rt = flags.runtime(dir);
        } catch (RuntimeException e) {
            Output.failure(err, e, flags.json);
            return 1;
        }
        Map<String, String> env = flags.environment();
        List<Map.Entry<TestDef, String>> cases = new ArrayList<>();
        for (TestDef t : rt.project().tests()) {
            for (String fn : t.functions()) {
                if (selected(fn, t.name())) {
                    cases.add(Map.entry(t, fn));
                }
            }
        }
        Result[] slots = new Result[cases.size()];
        AtomicInteger next = new AtomicInteger();
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        // A few workers take the tests in turn; each test is an async call, so no thread waits on the network.
        for (int w = 0; w < Math.max(1, Math.min(parallel, cases.size())); w++) {
            workers.add(worker(rt, cases, slots, next, env, out));
        }
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
        List<Result> results = List.of(slots);
        if (results.isEmpty()) {
            err.println("no test matched" + (filters.isEmpty() ? "; the project has no test blocks" : " " + filters));
            return 4;
        }
        if (!flags.json) {
            summary(out, results);
        }
        return results.stream().allMatch(r -> r.status().equals("PASS")) ? 0 : 1;
    }

    private CompletableFuture<Void> worker(BamlRuntime rt, List<Map.Entry<TestDef, String>> cases, Result[] slots,
            AtomicInteger next, Map<String, String> env, PrintWriter out) {
        int i = next.getAndIncrement();
        if (i >= cases.size()) {
            return CompletableFuture.completedFuture(null);
        }
        TestDef t = cases.get(i).getKey();
        String fn = cases.get(i).getValue();
        long t0 = System.nanoTime();
        CompletableFuture<BamlValue> call;
        try {
            call = rt.callAsync(fn, TestArgs.of(t.args(), env), flags.options());
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        return call.handle((value, error) -> {
            long latency = (System.nanoTime() - t0) / 1_000_000;
            Result r;
            try {
                r = judge(t, fn, value, error, latency);
            } catch (RuntimeException e) {
                r = new Result(fn, t.name(), "ERROR", latency, "checking the result failed: " + e.getMessage());
            }
            slots[i] = r;
            synchronized (out) {
                out.println(flags.json ? Output.json(CallFlags.JSON.valueToTree(r), false)
                        : String.format(Locale.ROOT, "%-6s %s::%s (%d ms)%s", r.status(), fn, t.name(), r.latencyMs(),
                                r.detail().isEmpty() ? "" : " - " + r.detail()));
                out.flush();
            }
            return r;
        }).thenCompose(r -> worker(rt, cases, slots, next, env, out));
    }

    private Result judge(TestDef t, String fn, BamlValue value, Throwable error, long latency) {
        if (error != null) {
            Throwable e = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            return new Result(fn, t.name(), "ERROR", latency,
                    e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
        }
        JsonNode json = value.toJson();
        List<String> problems = new ArrayList<>();
        for (TestAssertions.Outcome o : TestAssertions.evaluate(t.attributes(), json, latency)) {
            if (!o.passed()) {
                String what = (o.constraint().level() == Constraint.Level.ASSERT ? "assert " : "check ")
                        + (o.constraint().name() == null ? "" : o.constraint().name() + " ")
                        + "{{ " + o.constraint().expression() + " }}";
                problems.add(what + (o.error() == null ? " failed" : " could not run: " + o.error()));
            }
        }
        return new Result(fn, t.name(), problems.isEmpty() ? "PASS" : "FAIL", latency, String.join("; ", problems));
    }

    private boolean selected(String fn, String test) {
        if (filters.isEmpty()) {
            return true;
        }
        for (String f : filters) {
            Pattern p = Pattern.compile(("\\Q" + f + "\\E").replace("*", "\\E.*\\Q"));
            if (p.matcher(test).matches() || p.matcher(fn).matches() || p.matcher(fn + "::" + test).matches()) {
                return true;
            }
        }
        return false;
    }

    private static void summary(PrintWriter out, List<Result> results) {
        int wTest = "test".length();
        for (Result r : results) {
            wTest = Math.max(wTest, (r.function() + "::" + r.test()).length());
        }
        String row = "%-" + wTest + "s  %-6s  %8s  %s%n";
        out.println();
        out.printf(Locale.ROOT, row, "test", "status", "latency", "detail");
        for (Result r : results) {
            out.printf(Locale.ROOT, row, r.function() + "::" + r.test(), r.status(), r.latencyMs() + " ms", r.detail());
        }
        long passed = results.stream().filter(r -> r.status().equals("PASS")).count();
        out.printf(Locale.ROOT, "%n%d passed, %d failed, %d total%n", passed, results.size() - passed, results.size());
        out.flush();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

package io.github.oauthconsumer.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A companion to the JMH run for a machine shared with other work: it runs every benchmark's
 * operation round-robin, batch after batch, and measures the thread's CPU time rather than wall
 * time, so that load from other processes neither steals time from one library's window only nor
 * counts as its time. It prints the median and the best CPU time per operation and the ratios the
 * JMH results are judged by. The operations are the JMH benchmark methods themselves, after their
 * trial set-up (with its correctness checks).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.oauthconsumer.benchmarks.CpuTimeRatios [rounds]}.
 */
public final class CpuTimeRatios {

    private static final int BATCH = 20_000;

    private CpuTimeRatios() {
    }

    /** Runs the comparison; the optional argument is the number of rounds (default 30). */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Map<String, Supplier<Object>> operations = operations();
        Map<String, List<Double>> nanos = new LinkedHashMap<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Object[] sink = new Object[1];
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Supplier<Object>> operation : operations.entrySet()) {
                Supplier<Object> body = operation.getValue();
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < BATCH; i++) {
                    sink[0] = body.get();
                }
                double perOperation = (threads.getCurrentThreadCpuTime() - start) / (double) BATCH;
                nanos.computeIfAbsent(operation.getKey(), k -> new ArrayList<>()).add(perOperation);
            }
        }
        int skip = rounds / 3;
        System.out.printf("%-28s %14s %12s%n", "operation (after " + skip + " warm-up rounds)", "median ns CPU", "best ns CPU");
        Map<String, Double> median = new LinkedHashMap<>();
        nanos.forEach((name, all) -> {
            double[] measured = all.subList(skip, all.size()).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            median.put(name, measured[measured.length / 2]);
            System.out.printf("%-28s %14.0f %12.0f%n", name, measured[measured.length / 2], Arrays.stream(measured).min().orElseThrow());
        });
        System.out.printf("signA: fastest peer / ours = %.2f%n", fastestPeer(median, "signA") / median.get("OursBenchmark.signA"));
        System.out.printf("signB: fastest peer / ours = %.2f%n", fastestPeer(median, "signB") / median.get("OursBenchmark.signB"));
        System.out.printf("verifyB: Jersey / ours = %.2f%n", median.get("JerseyBenchmark.verifyB") / median.get("OursBenchmark.verifyB"));
        System.out.println(sink[0] == null ? "" : "(median ratios)");
    }

    private static double fastestPeer(Map<String, Double> median, String operation) {
        return median.entrySet().stream()
                .filter(e -> e.getKey().endsWith("." + operation) && !e.getKey().startsWith("Ours"))
                .mapToDouble(Map.Entry::getValue).min().orElseThrow();
    }

    private static Map<String, Supplier<Object>> operations() throws Exception {
        OursBenchmark ours = new OursBenchmark();
        ours.setUp();
        JerseyBenchmark jersey = new JerseyBenchmark();
        jersey.setUp();
        SignpostBenchmark signpost = new SignpostBenchmark();
        signpost.setUp();
        ScribeBenchmark scribe = new ScribeBenchmark();
        scribe.setUp();
        HmacFloorBenchmark floor = new HmacFloorBenchmark();
        floor.setUp();
        Map<String, Supplier<Object>> operations = new LinkedHashMap<>();
        operations.put("OursBenchmark.signA", ours::signA);
        operations.put("OursBenchmark.signB", ours::signB);
        operations.put("OursBenchmark.verifyB", ours::verifyB);
        operations.put("JerseyBenchmark.signA", jersey::signA);
        operations.put("JerseyBenchmark.signB", jersey::signB);
        operations.put("JerseyBenchmark.verifyB", jersey::verifyB);
        operations.put("SignpostBenchmark.signA", signpost::signA);
        operations.put("SignpostBenchmark.signB", signpost::signB);
        operations.put("ScribeBenchmark.signA", scribe::signA);
        operations.put("ScribeBenchmark.signB", scribe::signB);
        operations.put("HmacFloorBenchmark.hmacA", floor::hmacA);
        return operations;
    }
}

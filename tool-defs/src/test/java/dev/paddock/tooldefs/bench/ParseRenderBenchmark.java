package dev.paddock.tooldefs.bench;

import dev.paddock.tooldefs.CompiledDeclarations;
import dev.paddock.tooldefs.ToolDefs;
import dev.paddock.tooldefs.ToolNaming;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Compile (parse, tools, rendering) of a 500-line declaration file; the target is under 5 ms warm. Run with
 * {@code java -cp <test classpath> dev.paddock.tooldefs.bench.ParseRenderBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParseRenderBenchmark {

    static final String SOURCE = fiveHundredLines();

    /** One compile parses, builds every tool and renders the TypeScript. */
    @Benchmark
    public CompiledDeclarations compile() {
        return ToolDefs.compile("bench.d.ts", SOURCE, "bench", ToolNaming.DEFAULT);
    }

    /** 25 groups of 20 lines: a documented entity, an enum, a generic page and two methods each. */
    static String fiveHundredLines() {
        StringBuilder out = new StringBuilder();
        StringBuilder api = new StringBuilder("export interface Api {\n");
        for (int i = 0; i < 25; i++) {
            out.append("""
                    /** Entity number %1$d. */
                    export interface Entity%1$d {
                      /** Identifier. @minLength 1 */
                      id: string;
                      name?: string;
                      tags: string[];
                      status: Status%1$d;
                      parent?: Entity%1$d | null;
                      extra: Record<string, number>;
                      /** When it was made. @format date-time */
                      createdAt: string;
                      /** Position on a grid. */
                      at?: [x: number, y: number];
                      kind: "a" | "b" | "c";
                    }
                    export enum Status%1$d { Open = "open", Closed = "closed" }
                    export type Page%1$d<T> = { items: T[]; next?: string };
                    """.formatted(i));
            api.append("""
                      /** Finds entities. @param query What to look for. */
                      find%1$d(query: string, limit?: number): Promise<Page%1$d<Entity%1$d>>;
                      /** Saves one. */
                      save%1$d(input: Partial<Entity%1$d> & { id: string }): Promise<Entity%1$d>;
                    """.formatted(i));
        }
        return out.append(api).append("}\n").toString();
    }

    public static void main(String[] args) throws RunnerException {
        System.out.println("lines: " + SOURCE.lines().count());
        new Runner(new OptionsBuilder().include(ParseRenderBenchmark.class.getSimpleName()).build()).run();
    }
}

package dev.paddock.sandbox;

import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The outcome of one execution: a JSON value ({@link Succeeded}) or an error ({@link Failed}), each with the
 * logs printed up to the end.
 *
 * <p>The result is the code's value as JSON, as {@code JSON.stringify} would make it (functions and
 * symbols dropped from objects, null in arrays; NaN and Infinity become null; {@code toJSON} is honoured),
 * plus these shapes for what JSON cannot say:
 * <ul>
 *   <li>undefined, a function or a symbol as the whole result: {@code null}</li>
 *   <li>Date: its ISO string, {@code "1970-01-01T00:00:00.000Z"} (invalid dates: null)</li>
 *   <li>Map: {@code {"$type":"Map","entries":[[key, value], ...]}}</li>
 *   <li>Set: {@code {"$type":"Set","values":[...]}}</li>
 *   <li>BigInt: {@code {"$type":"BigInt","value":"123"}}</li>
 *   <li>typed arrays, ArrayBuffer, DataView: {@code {"$type":"Uint8Array","length":2,"data":[1,2]}} (bytes
 *       for ArrayBuffer/DataView; at most 10,000 items, then {@code "truncated":true}; BigInt items as
 *       strings)</li>
 *   <li>Error: {@code {"$type":"Error","name":"TypeError","message":"...","stack":"..."}}</li>
 *   <li>RegExp: its source text, {@code "/a+/g"}</li>
 *   <li>a reference back to an enclosing object (a cycle): {@code {"$ref":"[Circular]"}}; an object
 *       referenced twice without a cycle is written twice</li>
 *   <li>nesting deeper than 100 levels: {@code {"$truncated":"nested deeper than 100 levels"}}</li>
 *   <li>a result over {@link Limits#maxResultBytes()}: {@code {"$truncated":true,"limitBytes":N,
 *       "bytes":M (when known),"preview":"first 1000 characters of the JSON","message":"..."}}, and
 *       {@link #truncated()} is true</li>
 * </ul>
 */
public sealed interface ExecutionResult {

    /** Console output in order, possibly truncated (then the last entry says so). */
    List<LogEntry> logs();

    /** True when the result or the logs were cut to fit the output limits. */
    boolean truncated();

    /** Wall time from the start of execution; zero for an execution that never started. */
    Duration elapsed();

    /** @param value the code's value as JSON (a null node for undefined) */
    record Succeeded(JsonNode value, List<LogEntry> logs, boolean truncated, Duration elapsed)
            implements ExecutionResult {}

    /** @param error why the code did not produce a value */
    record Failed(ExecutionError error, List<LogEntry> logs, boolean truncated, Duration elapsed)
            implements ExecutionResult {}
}

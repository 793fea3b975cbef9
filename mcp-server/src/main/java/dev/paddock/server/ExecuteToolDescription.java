package dev.paddock.server;

import dev.paddock.sandbox.Limits;
import java.util.List;

/**
 * The `execute` tool's description: everything a model reading it cold needs to write working code the
 * first time — what runs it, how to shape the code, what persists, the limits, the standard library and
 * the TypeScript declarations of what this connection may call.
 */
final class ExecuteToolDescription {
    static final String NO_CAPABILITIES = "No capabilities are granted to this connection.";
    static final String NO_EGRESS = "fetch is not granted to this connection: every call fails with code EGRESS_DENIED.";

    private static final String PERSISTENT = "const/let declarations are local to one call. Assign to globalThis "
            + "to keep a value for later calls: it persists for this session only and is never visible to other "
            + "sessions. Pass reset: true to start again from an empty isolate.";
    private static final String STATELESS = "This server is stateless: every call runs in a fresh, empty isolate, "
            + "so nothing (globals included) carries over from one call to the next; do all the work in one call.";

    private ExecuteToolDescription() {}

    /**
     * @param capabilityDeclarations the granted capabilities' TypeScript, "" when none
     * @param egressGrants           what fetch may reach ("GET, HEAD https://api.example.com/v1/*"), empty when denied
     * @param fetchDeclarations      the TypeScript of fetch and its types
     * @param stateless              every call gets a fresh isolate (HTTP {@code --stateless})
     */
    static String render(Limits limits, String standardLibrary, String capabilityDeclarations, List<String> egressGrants,
            String fetchDeclarations, boolean stateless) {
        String capabilities = capabilityDeclarations.isBlank() ? NO_CAPABILITIES
                : "Each namespace below is a global object; call its methods with await, e.g. `await ns.method({...})`. "
                        + "Arguments are checked against these types; failures throw an Error with a `code`.\n"
                        + capabilityDeclarations.strip();
        String egress = egressGrants.isEmpty() ? NO_EGRESS
                : "fetch may reach only: " + String.join("; ", egressGrants) + ".\n" + fetchDeclarations.strip();
        return """
                Runs JavaScript or TypeScript in a sandboxed GraalJS isolate and returns the result as JSON \
                together with the console output. Use it to compute, transform data and call the APIs \
                declared below in one step instead of many tool calls.

                How to write the code:
                - Send the body of an async function (await and return work at the top level), an async \
                arrow function such as `async () => { ... }`, or statements whose last expression is the \
                result. TypeScript syntax is accepted; types are stripped, not checked.
                - The result must be JSON-serializable; undefined becomes null, and Date, Map, Set, BigInt, \
                typed arrays and Errors become JSON shapes. console.log and friends come back in `logs`.
                - %s
                - Limits per call: %d bytes of code, %d ms wall time (timeoutMs can only lower it), %d ms CPU \
                time, %d bytes of result, %d bytes and %d lines of logs; larger output is truncated and marked \
                as such.
                - There is no file system, network, process or Java access beyond the declarations below.

                Standard library (TypeScript declarations):
                %s

                Granted capabilities (TypeScript declarations):
                %s

                Network:
                %s

                Example:
                const words = ["isolate", "agent", "sandbox"];
                globalThis.calls = (globalThis.calls ?? 0) + 1;
                console.log("sorting", words.length, "words");
                const sorted = [...words].sort((a, b) => a.length - b.length);
                return { shortest: sorted[0], calls: globalThis.calls };"""
                .formatted(stateless ? STATELESS : PERSISTENT, limits.maxCodeBytes(), limits.wallTime().toMillis(), limits.cpuTime().toMillis(), limits.maxResultBytes(),
                        limits.maxLogBytes(), limits.maxLogLines(), standardLibrary.strip(),
                        capabilities, egress);
    }
}

package dev.paddock.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What an isolate's code may call outside itself: capability namespaces installed as global objects
 * ({@code await files.read({path})}), and the standard library's own calls such as {@code fetch}, which
 * arrive on {@link #EGRESS}. Calls cross as JSON text both ways, so no host
 * object is ever reachable from JS. Implementations must not block the calling (isolate) thread: do the
 * work elsewhere and complete the future.
 */
public interface HostApi extends HostCalls {
    /** The namespace {@code fetch} calls arrive on; not a JS identifier, so agent code has no global of that name. */
    String EGRESS = "#egress";

    HostApi NONE = new HostApi() {
        @Override
        public Map<String, List<String>> namespaces() {
            return Map.of();
        }

        @Override
        public CompletableFuture<String> call(String namespace, String method, String argumentsJson, ExecutionScope scope) {
            return CompletableFuture.failedFuture(EGRESS.equals(namespace)
                    ? new HostCallException("Error", "EGRESS_DENIED", "fetch is not allowed: no egress is granted to this connection")
                    : new HostCallException("Error", "ENOSYS", namespace + "." + method + " is not available"));
        }
    };

    /**
     * The method list of a namespace whose methods are not known (an upstream MCP server that has not started
     * yet): the isolate's namespace then takes any method name, and the host answers each call.
     */
    List<String> ANY_METHOD = List.of("*");

    /** Namespace → method names ({@link #ANY_METHOD} for any), installed as frozen global objects in declaration order. */
    Map<String, List<String>> namespaces();

    /** Namespaces the server offers that this isolate was not granted, so that using one says so. */
    default Set<String> ungranted() {
        return Set.of();
    }

    /** What would grant a method a granted namespace leaves out on purpose, for the error; null when nothing. */
    default String whyWithheld(String namespace, String method) {
        return null;
    }
}

package dev.paddock.upstream;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * MCP over a child process's stdin and stdout, for the SDK's client. Paddock's own rather than the SDK's
 * {@code StdioClientTransport}, which has no working directory, does not say when the process exits (so a
 * crashed server would leave calls waiting), and reads a message of any size into memory. Here:
 * <ul>
 * <li>a line that is not JSON-RPC (a server printing a banner on stdout) is logged and skipped;</li>
 * <li>a line longer than {@code maxMessageChars} is skipped unread, and the request it answers fails at once
 *     when its top-level id can be seen at the start or the end of the line (SDKs write it first or last);</li>
 * <li>{@link #exited()} completes with the exit status when the process ends, for whoever restarts it;</li>
 * <li>each line of the child's stderr goes to Paddock's log, prefixed with the server's name;</li>
 * <li>closing ends the child and everything it started ({@code npx} starts node), gently first.</li>
 * </ul>
 */
final class ChildProcessTransport implements McpClientTransport {
    private static final Logger LOG = LoggerFactory.getLogger(ChildProcessTransport.class);
    /*
     * Only an id at the top level names the request: {"jsonrpc":"2.0","id":7,"result":…} (Java and Python SDKs)
     * or {"result":…,"jsonrpc":"2.0","id":7} (TypeScript SDK). Both are anchored, because an unanchored search
     * would find an "id" inside the result first.
     */
    private static final String ID = "\"id\"\\s*:\\s*(\\d+|\"[^\"\\\\]{1,200}\")";
    private static final String JSONRPC = "\"jsonrpc\"\\s*:\\s*\"2\\.0\"";
    private static final Pattern LEADING_ID = Pattern.compile("^\\s*\\{\\s*(?:" + JSONRPC + "\\s*,\\s*)?" + ID);
    private static final Pattern TRAILING_ID = Pattern.compile(ID + "\\s*(?:,\\s*" + JSONRPC + "\\s*)?}\\s*$");
    private static final int ID_WINDOW = 400;
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final String name;
    private final UpstreamSpec.Stdio launch;
    private final McpJsonMapper json;
    private final int maxMessageChars;
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private Process process;
    private OutputStream stdin;

    ChildProcessTransport(String name, UpstreamSpec.Stdio launch, McpJsonMapper json, int maxMessageChars) {
        this.name = name;
        this.launch = launch;
        this.json = json;
        this.maxMessageChars = maxMessageChars;
    }

    /** Completes with the exit status once the process has ended, however it ended. */
    CompletableFuture<Integer> exited() {
        return exited;
    }

    @Override
    public Mono<Void> connect(Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
        return Mono.fromRunnable(() -> {
            List<String> command = new ArrayList<>(List.of(launch.command()));
            command.addAll(launch.args());
            var builder = new ProcessBuilder(command).directory(launch.cwd().toFile());
            builder.environment().putAll(launch.env());
            try {
                process = builder.start();
            } catch (IOException e) {
                exited.complete(-1);
                throw new IllegalStateException("cannot start " + launch.command() + ": " + e.getMessage(), e);
            }
            stdin = process.getOutputStream();
            process.onExit().thenAccept(p -> exited.complete(p.exitValue()));
            daemon("stdout", () -> readMessages(handler));
            daemon("stderr", this::copyStderr);
        });
    }

    private void daemon(String stream, Runnable body) {
        Thread.ofPlatform().daemon().name("upstream-" + name + "-" + stream).start(body);
    }

    private void readMessages(Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
        try (Reader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder line = new StringBuilder();
            boolean oversized = false;
            String leadingId = null;
            for (int c = reader.read(); c >= 0; c = reader.read()) {
                if (c != '\n') {
                    line.append((char) c);
                    if (!oversized && line.length() > maxMessageChars) {
                        oversized = true;
                        leadingId = idIn(LEADING_ID, line.subSequence(0, Math.min(line.length(), ID_WINDOW)));
                        line.delete(0, Math.max(0, line.length() - ID_WINDOW));
                    } else if (oversized && line.length() > 2 * ID_WINDOW) {
                        line.delete(0, Math.max(0, line.length() - ID_WINDOW));
                    }
                    continue;
                }
                if (oversized) {
                    tooLarge(leadingId != null ? leadingId : idIn(TRAILING_ID, line), handler);
                    oversized = false;
                } else {
                    deliver(line.toString().strip(), handler);
                }
                line.setLength(0);
            }
        } catch (IOException e) {
            LOG.debug("upstream '{}': stdout closed: {}", name, e.toString());
        }
    }

    private static String idIn(Pattern where, CharSequence text) {
        Matcher id = where.matcher(text);
        return id.find() ? id.group(1) : null;
    }

    private void deliver(String line, Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
        if (line.isEmpty()) return;
        JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(json, line);
        } catch (IOException | RuntimeException e) {
            LOG.warn("upstream '{}' wrote a line on stdout that is not an MCP message; ignored: {}", name,
                    line.length() > 200 ? line.substring(0, 200) + "…" : line);
            return;
        }
        handler.apply(Mono.just(message)).subscribe(reply -> {}, failure -> LOG.debug("upstream '{}': {}", name, failure.toString()));
    }

    /** The answer to an oversized response, when its id was seen: the request fails now instead of at its deadline. */
    private void tooLarge(String id, Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
        LOG.warn("upstream '{}' sent a message larger than {} characters; it was dropped unread", name, maxMessageChars);
        if (id == null) return;
        Object requestId = id.startsWith("\"") ? id.substring(1, id.length() - 1) : Long.valueOf(id);
        var error = new McpSchema.JSONRPCResponse.JSONRPCError(UpstreamResults.TOO_LARGE,
                "the result is larger than " + maxMessageChars / (1024 * 1024) + " MiB, the most Paddock accepts from an upstream");
        handler.apply(Mono.just(McpSchema.JSONRPCResponse.error(requestId, error))).subscribe();
    }

    private void copyStderr() {
        try (var reader = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                LOG.info("[{}] {}", name, line);
            }
        } catch (IOException e) {
            LOG.debug("upstream '{}': stderr closed: {}", name, e.toString());
        }
    }

    @Override
    public Mono<Void> sendMessage(JSONRPCMessage message) {
        return Mono.fromRunnable(() -> {
            try {
                byte[] line = (json.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
                synchronized (this) {
                    stdin.write(line);
                    stdin.flush();
                }
            } catch (IOException e) {
                throw new IllegalStateException("upstream '" + name + "' no longer reads its stdin: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::end);
    }

    @Override
    public void close() {
        end();
    }

    /** Closes stdin (an MCP server's cue to exit), then TERM, then KILL, each after a short grace; children too. */
    private void end() {
        Process child = process;
        if (child == null) return;
        List<ProcessHandle> descendants = child.descendants().toList();
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already closed: the process is exiting or gone
        }
        if (!waitFor(child.toHandle())) {
            child.destroy();
            descendants.forEach(ProcessHandle::destroy);
            if (!waitFor(child.toHandle())) child.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static boolean waitFor(ProcessHandle handle) {
        try {
            handle.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
        return json.convertValue(data, type);
    }
}

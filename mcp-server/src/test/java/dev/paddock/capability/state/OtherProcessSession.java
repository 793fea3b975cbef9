package dev.paddock.capability.state;

import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;

/** A session in another Paddock process (a second stdio client) on the same persist folder: sets one key. */
public final class OtherProcessSession {
    public static void main(String[] args) {
        var limits = new StateCapability.Limits(120, 1 << 20, Long.parseLong(args[2]), 10_000, 4096);
        StateCapability.persistent(Path.of(args[0]), args[1], limits)
                .set(new StateCapability.SetInput(args[3], JsonMapper.shared().readTree(args[4])), dev.paddock.capability.AgentCalls.NO_CONTEXT);
    }

    /** Runs {@link #main} in a fresh JVM and waits for it; the exit code is 0 when the key was stored. */
    static int run(Path persistDir, String profile, long maxTotalBytes, String key, String valueJson) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OtherProcessSession.class.getName(),
                persistDir.toString(), profile, Long.toString(maxTotalBytes), key, valueJson)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor();
    }
}

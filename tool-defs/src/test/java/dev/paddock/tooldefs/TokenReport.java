package dev.paddock.tooldefs;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.paddock.tooldefs.schema.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Token economy of the TypeScript rendering: for each captured {@code tools/list} result
 * ({@code <server>.json}) in a directory, o200k_base tokens of the compact JSON of its {@code tools}
 * array (what {@code JSON.stringify} prints) against tokens of {@link ToolDefs#render}. Prints a
 * Markdown table. Usage: {@code TokenReport DIR}.
 */
public final class TokenReport {

    private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private TokenReport() {}

    static int tokens(String text) {
        return O200K.countTokensOrdinary(text);
    }

    public static void main(String[] args) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(args[0]))) {
            files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        System.out.println("| server | tools | JSON tokens | TypeScript tokens | ratio |");
        System.out.println("|---|---:|---:|---:|---:|");
        int jsonTotal = 0;
        int tsTotal = 0;
        for (Path file : files) {
            JsonNode result = Json.MAPPER.readTree(Files.readString(file));
            String name = ToolDefsCommands.defaultNamespace(file);
            int json = tokens(Json.MAPPER.writeValueAsString(result.get("tools")));
            int ts = tokens(ToolDefs.render(ToolDefs.fromToolsList(result, name), name));
            jsonTotal += json;
            tsTotal += ts;
            System.out.printf("| %s | %d | %,d | %,d | %.2f× |%n", name, result.get("tools").size(), json, ts, (double) json / ts);
        }
        System.out.printf("| **total** | | %,d | %,d | %.2f× |%n", jsonTotal, tsTotal, (double) jsonTotal / tsTotal);
    }
}

package dev.paddock.tooldefs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.tooldefs.schema.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The rendering stays much cheaper to read than the JSON tool list it stands for. The corpus is small
 * and schema-light, so the bar is lower than for real servers (see {@link TokenReport}).
 */
class TokenEconomyTest {

    @Test
    void typeScriptTakesAtMostHalfTheTokensOfTheCompactJsonOverTheCorpus() {
        int json = 0;
        int typeScript = 0;
        for (var file : Corpus.declarationFiles()) {
            JsonNode tools = CorpusTest.tools(file);
            json += TokenReport.tokens(Json.MAPPER.writeValueAsString(tools.get("tools")));
            typeScript += TokenReport.tokens(ToolDefs.render(ToolDefs.fromToolsList(tools, "ns"), "ns"));
        }

        assertThat((double) json / typeScript).isGreaterThanOrEqualTo(1.9);
    }
}

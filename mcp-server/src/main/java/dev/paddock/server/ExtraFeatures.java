package dev.paddock.server;

import io.modelcontextprotocol.server.McpServerFeatures.AsyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import java.util.List;
import java.util.stream.Stream;

/**
 * MCP features a Paddock server offers besides `execute` and its capabilities, registered with the SDK's own
 * server API: what a host needs that is not an API for agent code (prompts, static resources, completions),
 * e.g. the official conformance suite's fixture. Plugins offer them through {@link ServerExtension}.
 *
 * @param tools                 tools that act on the protocol itself rather than being a capability's method
 * @param subscribableResources whether clients may subscribe to {@code resources}
 */
public record ExtraFeatures(List<AsyncToolSpecification> tools, List<AsyncResourceSpecification> resources,
        boolean subscribableResources, List<AsyncResourceTemplateSpecification> resourceTemplates,
        List<AsyncPromptSpecification> prompts, List<AsyncCompletionSpecification> completions) {
    public static final ExtraFeatures NONE = new ExtraFeatures(List.of(), List.of(), false, List.of(), List.of(), List.of());

    public ExtraFeatures {
        tools = List.copyOf(tools);
        resources = List.copyOf(resources);
        resourceTemplates = List.copyOf(resourceTemplates);
        prompts = List.copyOf(prompts);
        completions = List.copyOf(completions);
    }

    /** Both sets of features; resources are subscribable if either side's are. */
    ExtraFeatures and(ExtraFeatures other) {
        return new ExtraFeatures(concat(tools, other.tools), concat(resources, other.resources),
                subscribableResources || other.subscribableResources, concat(resourceTemplates, other.resourceTemplates),
                concat(prompts, other.prompts), concat(completions, other.completions));
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}

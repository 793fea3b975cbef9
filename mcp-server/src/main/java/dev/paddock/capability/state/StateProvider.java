package dev.paddock.capability.state;

import dev.paddock.capability.Capability;
import dev.paddock.capability.CapabilityProvider;
import dev.paddock.capability.CapabilitySettingsException;
import dev.paddock.capability.ProviderContext;
import tools.jackson.databind.JsonNode;

/**
 * {@code "state": {}} (in memory, per connection) or {@code "state": {"persistDir": "state"}} (on disk, per
 * profile, survives restarts).
 */
public final class StateProvider implements CapabilityProvider {
    @Override
    public String name() {
        return StateCapability.NAMESPACE;
    }

    @Override
    public void validate(ProviderContext context) {
        persistDir(context.settings());
    }

    @Override
    public Capability create(ProviderContext context) {
        String persistDir = persistDir(context.settings());
        StateCapability state = persistDir == null
                ? StateCapability.inMemory(StateCapability.Limits.DEFAULTS)
                : StateCapability.persistent(context.resolve(persistDir), context.profile(), StateCapability.Limits.DEFAULTS);
        return Capability.of(StateCapability.NAMESPACE, StateCapability.DECLARATIONS, state);
    }

    private static String persistDir(JsonNode settings) {
        for (String key : settings.propertyNames()) {
            if (!key.equals("persistDir")) {
                throw new CapabilitySettingsException(key, "unknown setting; state takes only \"persistDir\"");
            }
        }
        JsonNode dir = settings.path("persistDir");
        if (dir.isMissingNode()) return null;
        if (!dir.isString() || dir.asString().isBlank()) {
            throw new CapabilitySettingsException("persistDir", "must be a folder path, e.g. \"state\" (relative to paddock.json)");
        }
        return dir.asString();
    }
}

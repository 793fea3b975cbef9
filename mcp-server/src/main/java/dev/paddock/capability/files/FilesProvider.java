package dev.paddock.capability.files;

import dev.paddock.capability.Capability;
import dev.paddock.capability.CapabilityProvider;
import dev.paddock.capability.CapabilitySettingsException;
import dev.paddock.capability.ProviderContext;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/** {@code "files": {"root": "data", "writable": false}} in paddock.json. */
public final class FilesProvider implements CapabilityProvider {
    @Override
    public String name() {
        return FilesCapability.NAMESPACE;
    }

    @Override
    public void validate(ProviderContext context) {
        settings(context);
    }

    @Override
    public Capability create(ProviderContext context) {
        FilesCapability.Settings settings = settings(context);
        boolean writable = context.settings().path("writable").asBoolean(false);
        if (writable) {
            return Capability.of(FilesCapability.NAMESPACE, FilesCapability.declarations(true), new WritableFiles(settings));
        }
        return Capability.of(FilesCapability.NAMESPACE, FilesCapability.declarations(false), new FilesCapability(settings))
                .withholding("write", "the files root is read-only: to let agent code write, set "
                        + settingsPath(context.profile()) + ".writable to true in paddock.json");
    }

    /** Where this grant's settings are in paddock.json: the top level is the default profile. */
    private static String settingsPath(String profile) {
        String grant = "capabilities." + FilesCapability.NAMESPACE;
        return "default".equals(profile) ? grant : "profiles." + profile + "." + grant;
    }

    private static FilesCapability.Settings settings(ProviderContext context) {
        JsonNode settings = context.settings();
        for (String key : settings.propertyNames()) {
            if (!key.equals("root") && !key.equals("writable")) {
                throw new CapabilitySettingsException(key, "unknown setting; files takes \"root\" and \"writable\"");
            }
        }
        JsonNode root = settings.path("root");
        if (!root.isString() || root.asString().isBlank()) {
            throw new CapabilitySettingsException("root", "must be the folder agents may read, e.g. \"data\" (relative to paddock.json)");
        }
        JsonNode writable = settings.path("writable");
        if (!writable.isMissingNode() && !writable.isBoolean()) {
            throw new CapabilitySettingsException("writable", "must be true or false");
        }
        Path folder = context.resolve(root.asString());
        if (!Files.isDirectory(folder)) {
            throw new CapabilitySettingsException("root", "folder " + folder + " does not exist");
        }
        return FilesCapability.Settings.of(folder);
    }
}

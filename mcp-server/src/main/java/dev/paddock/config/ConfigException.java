package dev.paddock.config;

/** A config file Paddock cannot use; the message names the file, line:column and the JSON path. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}

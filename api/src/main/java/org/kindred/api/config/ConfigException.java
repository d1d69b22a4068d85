package org.kindred.api.config;

/** Bad configuration; the message is one line naming the setting, shown as is at start-up. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}

package org.kindred.api.audit;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Everything the server logs while it is open, at every level: the named slf4j-simple loggers are turned
 * down to trace (tests run them at warn) and standard error is copied into a buffer, then both are restored.
 */
final class LogCapture implements AutoCloseable {
    private static final int TRACE = 0;

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final Map<Object, Integer> levels = new LinkedHashMap<>();

    private LogCapture(String... loggers) {
        for (String name : loggers) {
            Object logger = LoggerFactory.getLogger(name);
            levels.put(logger, level(logger, TRACE));
        }
        System.setErr(new PrintStream(new Tee(original, buffer), true, StandardCharsets.UTF_8));
    }

    static LogCapture of(String... loggers) {
        return new LogCapture(loggers);
    }

    synchronized String text() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setErr(original);
        levels.forEach(LogCapture::level);
    }

    /** Sets the slf4j-simple logger's level and returns the one it had. */
    private static int level(Object logger, int level) {
        try {
            Field field = logger.getClass().getDeclaredField("currentLogLevel");
            field.setAccessible(true);
            int before = field.getInt(logger);
            field.setInt(logger, level);
            return before;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("tests log through slf4j-simple: " + logger.getClass(), e);
        }
    }

    private final class Tee extends OutputStream {
        private final PrintStream console;
        private final ByteArrayOutputStream copy;

        Tee(PrintStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            synchronized (LogCapture.this) {
                copy.write(b);
            }
            console.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (LogCapture.this) {
                copy.write(bytes, offset, length);
            }
            console.write(bytes, offset, length);
        }
    }
}

package org.kindred.api;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kindred.api.config.Config;
import org.kindred.api.config.ConfigException;
import org.kindred.api.db.DatabaseFile;
import org.kindred.api.db.Migrations;
import org.kindred.api.db.ServerLock;

/**
 * {@code kindred restore --from BACKUP [--db FILE] [--replace]}: puts a checked backup in place of the database,
 * with the server stopped (the server's lock is taken for the duration). An existing database is replaced only
 * with {@code --replace}. The backup is copied beside the target, flushed, and moved over it in one step, after
 * the target's old WAL files are removed, since SQLite would otherwise apply them to the restored file.
 */
final class RestoreCommand {
    private RestoreCommand() {
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out) {
        List<String> withoutReplace = args.stream().filter(arg -> !arg.equals("--replace")).toList();
        boolean replace = withoutReplace.size() < args.size();
        CommandFlags flags = CommandFlags.parse(withoutReplace, Set.of("--from"));
        Path backup = Path.of(flags.required("restore", "--from"));
        Path target = Config.load(env, flags.rest()).database();
        int version = new DatabaseFile(backup).check();
        if (Files.exists(target) && !replace) {
            throw new ConfigException("restore: " + target + " exists; add --replace to replace it (back it up first)");
        }
        try (ServerLock lock = ServerLock.acquire(target)) {
            Path incoming = target.resolveSibling(target.getFileName() + ".restoring");
            Files.copy(backup, incoming, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(incoming, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.deleteIfExists(target.resolveSibling(target.getFileName() + "-wal"));
            Files.deleteIfExists(target.resolveSibling(target.getFileName() + "-shm"));
            Files.move(incoming, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("restore failed: " + e.getMessage(), e);
        }
        out.println("Restored " + target + " from " + backup + " (schema version " + version + "); start the server "
            + "to use it" + (version < Migrations.latestVersion() ? " (it will upgrade the schema)" : "") + ".");
        return 0;
    }
}

package org.kindred.api;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kindred.api.config.Config;
import org.kindred.api.config.ConfigException;
import org.kindred.api.db.DatabaseFile;

/**
 * {@code kindred backup --to FILE [--db FILE]}: a consistent copy of the database made while the server keeps
 * serving and writing. The copy is checked before the command reports success.
 */
final class BackupCommand {
    private BackupCommand() {
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out) {
        CommandFlags flags = CommandFlags.parse(args, Set.of("--to"));
        Path target = Path.of(flags.required("backup", "--to"));
        Config config = Config.load(env, flags.rest());
        if (Files.exists(target)) {
            throw new ConfigException("backup: " + target + " exists; choose a new file (a backup never overwrites)");
        }
        DatabaseFile source = new DatabaseFile(config.database());
        source.check();
        source.copyTo(target);
        int version = new DatabaseFile(target).check();
        out.println("Backed up " + config.database() + " to " + target + " (schema version " + version
            + ", integrity ok). Restore it with: kindred restore --from " + target + " --db FILE");
        return 0;
    }
}

package org.kindred.api;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.kindred.api.config.Config;
import org.kindred.api.config.ConfigException;
import org.kindred.api.db.DatabaseException;
import org.kindred.api.http.ApiException;

/**
 * The command line: {@code serve} (the default), {@code admin create}, {@code backup}, {@code restore} and
 * {@code warm-up}.
 */
public final class Main {
    private static final String USAGE = """
        usage: java -jar kindred.jar [serve] [--demo] [--port N] [--db FILE] [--keys DIR] [--base-url URL]
                                     [--rate-limits on|off|overrides] [--durability full|normal]
                                     [--cors-origins ORIGINS]
               java -jar kindred.jar admin create --email EMAIL [--display-name NAME] [--db FILE]
                   (the password is read from KINDRED_ADMIN_PASSWORD or the first line of standard input)
               java -jar kindred.jar backup --to FILE [--db FILE]     (while the server runs)
               java -jar kindred.jar restore --from FILE [--db FILE] [--replace]     (with the server stopped)
               java -XX:ArchiveClassesAtExit=kindred.jsa -jar kindred.jar warm-up
                   (serves a throwaway demo database a few requests; then start with -XX:SharedArchiveFile=kindred.jsa)
        Every option can also be set with the environment variable shown in the README.""";

    private Main() {
    }

    public static void main(String[] args) {
        int status = run(Arrays.asList(args), System.getenv(), System.in, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The command line with its streams and environment passed in; returns the exit status. */
    public static int run(List<String> args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        boolean implicitServe = args.isEmpty() || args.get(0).startsWith("--") && !args.get(0).equals("--help");
        String command = implicitServe ? "serve" : args.get(0);
        List<String> rest = implicitServe ? args : args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        try {
            switch (command) {
                case "serve" -> ServeCommand.start(Config.load(env, rest), out);
                case "admin" -> {
                    if (rest.isEmpty() || !rest.get(0).equals("create")) {
                        throw new ConfigException("admin takes one subcommand: create");
                    }
                    return AdminCreateCommand.run(rest.subList(1, rest.size()), env, in, out);
                }
                case "backup" -> {
                    return BackupCommand.run(rest, env, out);
                }
                case "restore" -> {
                    return RestoreCommand.run(rest, env, out);
                }
                case "warm-up" -> {
                    if (!rest.isEmpty()) {
                        throw new ConfigException("warm-up takes no options: it serves a demo database of its own");
                    }
                    return WarmUpCommand.run(Path.of(System.getProperty("java.io.tmpdir")), out, err);
                }
                case "help", "--help", "-h" -> out.println(USAGE);
                default -> throw new ConfigException("unknown command " + command + "\n" + USAGE);
            }
            return 0;
        } catch (ConfigException | DatabaseException | UncheckedIOException e) {
            err.println("kindred: " + e.getMessage());
            return 2;
        } catch (ApiException e) {
            err.println("kindred: " + e.detail());
            return 2;
        }
    }
}

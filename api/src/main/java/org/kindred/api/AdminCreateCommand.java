package org.kindred.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kindred.api.config.Config;
import org.kindred.api.config.ConfigException;
import org.kindred.api.db.Database;
import org.kindred.api.users.Account;
import org.kindred.api.users.NewAccount;
import org.kindred.api.users.RegisterRequest;

/**
 * {@code kindred admin create --email E [--display-name N] [options]}: creates an admin account. The password
 * comes from {@code KINDRED_ADMIN_PASSWORD} or the first line of standard input, never from the command
 * line, where other users of the machine could read it.
 */
final class AdminCreateCommand {
    private AdminCreateCommand() {
    }

    static int run(List<String> args, Map<String, String> env, InputStream in, PrintStream out) {
        CommandFlags flags = CommandFlags.parse(args, Set.of("--email", "--display-name", "--password"));
        if (flags.value("--password").isPresent()) {
            throw new ConfigException("--password is not accepted: pass the password on standard input or in "
                + "KINDRED_ADMIN_PASSWORD, never on the command line");
        }
        String email = flags.required("admin create", "--email");
        String displayName = flags.value("--display-name").orElse("Admin");
        String password = env.get("KINDRED_ADMIN_PASSWORD");
        if (password == null) {
            password = firstLine(in);
        }
        NewAccount account = checked(email, password, displayName);
        Map<String, String> settings = new HashMap<>(env);
        settings.remove("KINDRED_ADMIN_EMAIL");
        settings.remove("KINDRED_ADMIN_PASSWORD");
        Config config = Config.load(settings, flags.rest());
        try (Database db = Database.open(config.database(), config.durability(), 1)) {
            Account admin = Services.wire(config, db, Clock.systemUTC()).users().create(account);
            out.println("Created admin " + admin.email() + " (" + admin.id() + ") in " + config.database());
        }
        return 0;
    }

    /** Applies the sign-up rules (email form, password length, display name) to an admin account. */
    static NewAccount checked(String email, String password, String displayName) {
        new RegisterRequest(email, password, displayName).check();
        return new NewAccount(email, password, displayName, true);
    }

    private static String firstLine(InputStream in) {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new ConfigException("admin create: give the password on standard input or in KINDRED_ADMIN_PASSWORD");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

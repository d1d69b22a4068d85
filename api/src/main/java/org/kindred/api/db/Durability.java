package org.kindred.api.db;

import org.sqlite.SQLiteConfig.SynchronousMode;

/** How hard a commit waits for the disk; see the README's durability section. */
public enum Durability {
    /** fsync on every commit: an acknowledged write survives a power loss. */
    full(SynchronousMode.FULL),
    /** WAL with fsync at checkpoints: survives a process crash, may lose the last commits on power loss. */
    normal(SynchronousMode.NORMAL);

    private final SynchronousMode synchronousMode;

    Durability(SynchronousMode synchronousMode) {
        this.synchronousMode = synchronousMode;
    }

    SynchronousMode synchronousMode() {
        return synchronousMode;
    }
}

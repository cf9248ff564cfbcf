package dev.redoubt.sandbox;

import java.time.Instant;

/** One AWS request being answered: the world, who calls (null for unsigned calls), where, and the raw request. */
record Call(World world, Principal principal, String region, String requestId, HttpRequest http) {
    String account() {
        return principal == null ? null : principal.accountId();
    }

    /** The caller's cell (null when the estate has nothing in the caller's account and region). */
    World.Cell cell() {
        return world.cell(account(), region);
    }

    Instant estateNow() {
        return world.estateNow();
    }
}

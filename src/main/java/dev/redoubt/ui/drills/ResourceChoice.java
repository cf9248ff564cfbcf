package dev.redoubt.ui.drills;

import java.time.Instant;

/** A protected resource the operator may add to a drill: its name, type in words, account and region, and its newest backup. */
public record ResourceChoice(String arn, String name, String type, String typeText, String accountId, String accountName, String region,
                             int points, Instant lastBackup, String search) {
    /** "shop-orders · RDS database · northwind-shop-prod · eu-west-1". */
    public String label() {
        return name + " · " + typeText + " · " + (accountName == null ? accountId : accountName) + " · " + region;
    }
}

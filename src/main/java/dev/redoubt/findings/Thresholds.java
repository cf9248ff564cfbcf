package dev.redoubt.findings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every threshold in the catalogue (checks.md, "Thresholds"), with its settings name. The value
 * used is part of each result's evidence.
 */
public record Thresholds(
        int recoveryPointMinRetentionDays,
        int planMinRetentionDays,
        int lockMinRetentionDays,
        int restoreTestMaxAgeDays,
        int maxRestoreMinutes,
        int backupMaxAgeHours,
        int copyMaxAgeDays,
        int airGappedMaxAgeDays,
        int restoreAccessMaxAgeDays,
        int keyMaterialExpiryDays) {

    public static final Thresholds DEFAULTS = new Thresholds(35, 35, 7, 30, 720, 26, 7, 1, 7, 30);

    public Thresholds {
        positive("recoveryPointMinRetentionDays", recoveryPointMinRetentionDays);
        positive("planMinRetentionDays", planMinRetentionDays);
        positive("lockMinRetentionDays", lockMinRetentionDays);
        positive("restoreTestMaxAgeDays", restoreTestMaxAgeDays);
        positive("maxRestoreMinutes", maxRestoreMinutes);
        positive("backupMaxAgeHours", backupMaxAgeHours);
        positive("copyMaxAgeDays", copyMaxAgeDays);
        positive("airGappedMaxAgeDays", airGappedMaxAgeDays);
        positive("restoreAccessMaxAgeDays", restoreAccessMaxAgeDays);
        positive("keyMaterialExpiryDays", keyMaterialExpiryDays);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("threshold " + name + " must be a positive whole number, not " + value);
        }
    }

    /** The thresholds by settings name, in catalogue order. */
    public Map<String, Integer> asMap() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("recoveryPointMinRetentionDays", recoveryPointMinRetentionDays);
        m.put("planMinRetentionDays", planMinRetentionDays);
        m.put("lockMinRetentionDays", lockMinRetentionDays);
        m.put("restoreTestMaxAgeDays", restoreTestMaxAgeDays);
        m.put("maxRestoreMinutes", maxRestoreMinutes);
        m.put("backupMaxAgeHours", backupMaxAgeHours);
        m.put("copyMaxAgeDays", copyMaxAgeDays);
        m.put("airGappedMaxAgeDays", airGappedMaxAgeDays);
        m.put("restoreAccessMaxAgeDays", restoreAccessMaxAgeDays);
        m.put("keyMaterialExpiryDays", keyMaterialExpiryDays);
        return m;
    }

    /** These thresholds with the named ones replaced; an unknown name is refused. */
    public Thresholds with(Map<String, Integer> overrides) {
        Map<String, Integer> m = asMap();
        for (var e : overrides.entrySet()) {
            if (!m.containsKey(e.getKey())) {
                throw new IllegalArgumentException("unknown threshold \"" + e.getKey() + "\"; known: " + String.join(", ", m.keySet()));
            }
            m.put(e.getKey(), e.getValue());
        }
        return new Thresholds(m.get("recoveryPointMinRetentionDays"), m.get("planMinRetentionDays"), m.get("lockMinRetentionDays"),
                m.get("restoreTestMaxAgeDays"), m.get("maxRestoreMinutes"), m.get("backupMaxAgeHours"), m.get("copyMaxAgeDays"),
                m.get("airGappedMaxAgeDays"), m.get("restoreAccessMaxAgeDays"), m.get("keyMaterialExpiryDays"));
    }
}

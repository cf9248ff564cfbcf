package dev.redoubt.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reading entries and checkpoints out of the database, shared by the journal, the reader, the verifier and the export. */
final class EntryRows {
    static final String COLUMNS = "seq, time, actor, session, mode, target, action, subject, details, prev, hash";

    private EntryRows() {
    }

    /** The latest entry's seq, hash and time; seq 0 and the zero hash for an empty journal. */
    record Head(long seq, String hash, String time) {
    }

    static Head head(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash, time FROM entries ORDER BY seq DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new Head(rs.getLong(1), rs.getString(2), rs.getString(3)) : new Head(0, Canonical.ZERO_HASH, "");
        }
    }

    /** The hash of entry {@code seq}, or null when there is none. */
    static String hashAt(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM entries WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static void forEach(Connection c, EntryQuery q, Consumer<? super Entry> action) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM entries WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.from() != null) {
            sql.append(" AND time >= ?");
            args.add(Canonical.time(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND time <= ?");
            args.add(Canonical.time(q.to()));
        }
        if (q.action() != null) {
            sql.append(" AND action = ?");
            args.add(q.action());
        }
        if (q.subject() != null) {
            sql.append(" AND instr(subject, ?) > 0");
            args.add(q.subject());
        }
        sql.append(" ORDER BY seq");
        if (q.limit() > 0) {
            sql.append(" LIMIT ").append(q.limit());
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, (String) args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    action.accept(entry(rs));
                }
            }
        }
    }

    static Entry entry(ResultSet rs) throws SQLException {
        long seq = rs.getLong(1);
        try {
            return new Entry(seq, Instant.parse(rs.getString(2)), rs.getString(3), rs.getString(4), Mode.fromWire(rs.getString(5)),
                    rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));
        } catch (RuntimeException e) {
            throw new JournalException("entry " + seq + " cannot be read (" + e.getMessage() + "); run 'redoubt journal verify'", true, e);
        }
    }

    static List<Checkpoint> checkpoints(Connection c, long fromSeq, long toSeq) throws SQLException {
        List<Checkpoint> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, head, time, session, reason, key, signature FROM checkpoints"
                + " WHERE seq BETWEEN ? AND ? ORDER BY id")) {
            ps.setLong(1, fromSeq);
            ps.setLong(2, toSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Checkpoint(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7)));
                }
            }
        }
        return list;
    }

    static String meta(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}

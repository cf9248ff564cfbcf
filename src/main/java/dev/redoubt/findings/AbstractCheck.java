package dev.redoubt.findings;

import dev.redoubt.estate.ReadError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The description every check carries, and the helpers that turn a verdict into a Result. */
public abstract class AbstractCheck implements Check {
    private final String id;
    private final Facet facet;
    private final Severity severity;
    private final String title;
    private final String weakness;
    private final String reads;
    private final String others;
    private final List<String> operations;

    protected AbstractCheck(String id, Facet facet, Severity severity, String title, String weakness, String reads, String others,
                            String... operations) {
        this.id = id;
        this.facet = facet;
        this.severity = severity;
        this.title = title;
        this.weakness = weakness;
        this.reads = reads;
        this.others = others;
        this.operations = List.of(operations);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Facet facet() {
        return facet;
    }

    @Override
    public final Severity severity() {
        return severity;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final String weakness() {
        return weakness;
    }

    @Override
    public final String reads() {
        return reads;
    }

    @Override
    public final String others() {
        return others;
    }

    @Override
    public final List<String> operations() {
        return operations;
    }

    protected final Result pass(Scope where, Evidence evidence) {
        return result(Status.PASS, where, evidence, null);
    }

    protected final Result fail(Scope where, Evidence evidence, Remediation remediation) {
        return result(Status.FAIL, where, evidence, remediation);
    }

    /** A failure rated other than the check's default, where the catalogue sets the severity per result (ENC-05). */
    protected final Result fail(Scope where, Severity rated, Evidence evidence, Remediation remediation) {
        return new Result(id, Status.FAIL, rated, facet, where.accountId(), where.region(), where.resourceArn(), title, evidence, remediation, null);
    }

    protected final Result unknown(Scope where, Evidence evidence) {
        return result(Status.UNKNOWN, where, evidence, null);
    }

    private Result result(Status status, Scope where, Evidence evidence, Remediation remediation) {
        return new Result(id, status, severity, facet, where.accountId(), where.region(), where.resourceArn(), title, evidence, remediation, null);
    }

    /** UNKNOWN when the estate's ReadErrors name one of this check's operations for the scope; null otherwise. */
    protected final Result unreadable(EstateIndex x, Scope where) {
        ReadError e = x.readError(where.accountId(), where.region(), where.resourceArn(), operations);
        return e == null ? null : unreadable(x, where, e);
    }

    protected final Result unreadable(EstateIndex x, Scope where, ReadError e) {
        return unknown(where, Evidence.at(x.at(), "Could not be evaluated: " + e.operation() + " failed with " + e.errorCode()
                        + (e.message() == null ? "" : " (" + e.message() + ")"))
                .field("ReadError.Scope", e.scope()).field("ReadError.Operation", e.operation())
                .field("ReadError.ErrorCode", e.errorCode()).build());
    }

    /** UNKNOWN because a member the check needs is absent from the estate. */
    protected final Result missing(EstateIndex x, Scope where, String member) {
        return unknown(where, Evidence.at(x.at(), "Could not be evaluated: " + member + " is absent from the estate (not read)")
                .field(member, null).build());
    }

    /** A duration in words ("3 days 4 hours"), for evidence. */
    protected static String humanDuration(Duration d) {
        long hours = Math.abs(d.toHours());
        long days = hours / 24;
        long h = hours % 24;
        if (days == 0) {
            long minutes = Math.abs(d.toMinutes()) % 60;
            return h + " hours " + minutes + " minutes";
        }
        return days + (days == 1 ? " day" : " days") + (h == 0 ? "" : " " + h + (h == 1 ? " hour" : " hours"));
    }

    /** Whole days between two instants (rounded down). */
    protected static long daysBetween(Instant from, Instant to) {
        return Duration.between(from, to).toDays();
    }

    /** The name part of a backup-vault ARN ({@code ...:backup-vault:NAME}). */
    protected static String vaultName(String vaultArn) {
        int i = vaultArn == null ? -1 : vaultArn.indexOf(":backup-vault:");
        return i < 0 ? String.valueOf(vaultArn) : vaultArn.substring(i + ":backup-vault:".length());
    }

    /** A value as one word of a POSIX shell command line (see {@link Quoting#sh}). */
    protected static String sh(String value) {
        return Quoting.sh(value);
    }

    /** A value as a Terraform (HCL) quoted string, quotes included (see {@link Quoting#hcl}). */
    protected static String hcl(String value) {
        return Quoting.hcl(value);
    }

    /** A value as a CloudFormation (YAML) scalar (see {@link Quoting#yaml}). */
    protected static String yaml(String value) {
        return Quoting.yaml(value);
    }

    /** A value as a JSON string literal, quotes included (see {@link Quoting#json}). */
    protected static String json(String value) {
        return Quoting.json(value);
    }
}

package dev.redoubt.findings;

import java.util.List;
import java.util.function.Consumer;

/**
 * One check of the catalogue (checks.md): a stable ID, a facet, a default severity, a title, the
 * REL09-BP02 weakness it catches, and an evaluation that reports PASS, FAIL or UNKNOWN per resource.
 */
public interface Check {
    String id();

    Facet facet();

    Severity severity();

    String title();

    /** Which weakness it catches and why it matters. */
    String weakness();

    /** The estate data it reads, in AWS's names. */
    String reads();

    /** Where a similar check exists elsewhere ("-" when nowhere), and whether this one follows it. */
    String others();

    /** The API operations whose ReadErrors make this check UNKNOWN ("kms:GetKeyPolicy"). */
    List<String> operations();

    /** Evaluates the check as of {@code estate.at()}, giving each result to {@code out}. */
    void evaluate(EstateIndex estate, Consumer<Result> out);
}

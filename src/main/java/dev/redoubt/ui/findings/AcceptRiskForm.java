package dev.redoubt.ui.findings;

import java.time.LocalDate;

/** The "Accept risk" dialog's fields: the check, the resource pattern (an ARN, * allowed), why, who, and until when. */
public record AcceptRiskForm(String checkId, String resource, String justification, String author, LocalDate expires) {
    public AcceptRiskForm withResource(String v) {
        return new AcceptRiskForm(checkId, v, justification, author, expires);
    }

    public AcceptRiskForm withJustification(String v) {
        return new AcceptRiskForm(checkId, resource, v, author, expires);
    }

    public AcceptRiskForm withAuthor(String v) {
        return new AcceptRiskForm(checkId, resource, justification, v, expires);
    }

    public AcceptRiskForm withExpires(LocalDate v) {
        return new AcceptRiskForm(checkId, resource, justification, author, v);
    }
}

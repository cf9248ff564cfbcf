package dev.redoubt.services;

/**
 * What an audit judged, for the report and the journal: who ran it, the journal's subject (the
 * capture file, the organization's ARN...) and a line naming the source for the report.
 */
public record AuditSubject(Actor actor, String subject, String source) {
}

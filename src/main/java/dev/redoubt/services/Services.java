package dev.redoubt.services;

/** The application services the window's view models use, built by the application context. */
public record Services(SignInService signIn, EstateService estates, ScanService scans, AuditService audits,
                       SuppressionService suppressions, DemoService demo, ActivityJournal activity,
                       DrillService drills, ApprovalService approvals) {
}

package dev.redoubt.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import org.slf4j.Logger;

/**
 * Redoubt's logging, set up in code (found by logback through META-INF/services): warnings and errors on standard
 * error, one line each and no stack traces (commands print their own one-line errors), the AWS SDK's and Apache HTTP's
 * only when they are errors. The same as an XML configuration would say, without logback's XML configurator and the
 * JDK's XML parser, which cost about a tenth of a second of every command's start (docs/performance.md, "Start-up").
 * A configuration of the user's ({@code -Dlogback.configurationFile}) or a test's ({@code logback-test.xml}) wins.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class QuietLogging extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n%nopex";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        return configureUnlessOverridden(context, System.getProperty("logback.configurationFile") != null
                || QuietLogging.class.getClassLoader().getResource("logback-test.xml") != null);
    }

    /** {@code overridden}: a configuration file was given; logback's own configurator, next, reads it. */
    ExecutionStatus configureUnlessOverridden(LoggerContext context, boolean overridden) {
        if (overridden) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        NopStatusListener quiet = new NopStatusListener();
        context.getStatusManager().add(quiet);

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        context.getLogger("software.amazon.awssdk").setLevel(Level.ERROR);
        context.getLogger("org.apache.http").setLevel(Level.ERROR);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}

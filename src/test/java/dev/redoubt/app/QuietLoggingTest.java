package dev.redoubt.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.status.NopStatusListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class QuietLoggingTest {
    @Test
    void logbackFindsItAsAService() {
        assertThat(StreamSupport.stream(ServiceLoader.load(Configurator.class).spliterator(), false))
                .anySatisfy(c -> assertThat(c).isInstanceOf(QuietLogging.class));
    }

    @Test
    void warningsGoToStandardErrorOneLineEachAndTheSdksOnlyWhenErrors() {
        LoggerContext context = new LoggerContext();
        QuietLogging logging = new QuietLogging();
        logging.setContext(context);

        assertThat(logging.configureUnlessOverridden(context, false)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("software.amazon.awssdk").getLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("org.apache.http").getLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("software.amazon.awssdk.services.sts.StsClient").getEffectiveLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("dev.redoubt.app.DesktopNotifications").getEffectiveLevel()).isEqualTo(Level.WARN);
        var appender = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertThat(appender.isStarted()).isTrue();
        assertThat(appender.getTarget()).isEqualTo("System.err");
        assertThat(((PatternLayoutEncoder) appender.getEncoder()).getPattern()).isEqualTo("%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n%nopex");
        assertThat(context.getStatusManager().getCopyOfStatusListenerList()).anySatisfy(l -> assertThat(l).isInstanceOf(NopStatusListener.class));
    }

    @Test
    void aConfigurationOfTheUsersWins() {
        LoggerContext context = new LoggerContext();
        QuietLogging logging = new QuietLogging();
        logging.setContext(context);

        assertThat(logging.configureUnlessOverridden(context, true)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
    }

    @Test
    void theSameAsTheXmlItReplaces() throws Exception {
        // The XML that used to configure logging, through logback's own configurator: the same levels, appender and pattern.
        Path xml = Files.createTempFile("logback", ".xml");
        Files.writeString(xml, """
                <configuration>
                  <statusListener class="ch.qos.logback.core.status.NopStatusListener"/>
                  <appender name="STDERR" class="ch.qos.logback.core.ConsoleAppender">
                    <target>System.err</target>
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n%nopex</pattern></encoder>
                  </appender>
                  <logger name="software.amazon.awssdk" level="ERROR"/>
                  <logger name="org.apache.http" level="ERROR"/>
                  <root level="WARN"><appender-ref ref="STDERR"/></root>
                </configuration>
                """, StandardCharsets.UTF_8);
        try {
            LoggerContext fromXml = new LoggerContext();
            var joran = new ch.qos.logback.classic.joran.JoranConfigurator();
            joran.setContext(fromXml);
            joran.doConfigure(xml.toFile());
            LoggerContext fromCode = new LoggerContext();
            QuietLogging logging = new QuietLogging();
            logging.setContext(fromCode);
            logging.configureUnlessOverridden(fromCode, false);

            for (String name : new String[] {org.slf4j.Logger.ROOT_LOGGER_NAME, "software.amazon.awssdk", "org.apache.http", "dev.redoubt"}) {
                assertThat(fromCode.getLogger(name).getEffectiveLevel()).as(name).isEqualTo(fromXml.getLogger(name).getEffectiveLevel());
            }
            var a = (ConsoleAppender<?>) fromXml.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
            var b = (ConsoleAppender<?>) fromCode.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
            assertThat(b.getTarget()).isEqualTo(a.getTarget());
            assertThat(((PatternLayoutEncoder) b.getEncoder()).getPattern()).isEqualTo(((PatternLayoutEncoder) a.getEncoder()).getPattern());
        } finally {
            Files.deleteIfExists(xml);
        }
    }
}

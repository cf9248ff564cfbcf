package dev.redoubt.estate.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** When a backup rule or a restore test fires (on the hour, UTC), with the cron expression AWS shows for it. */
record Schedule(String cron, int hour, Predicate<LocalDate> fires) {

    static Schedule daily(int hour) {
        return new Schedule("cron(0 " + hour + " ? * * *)", hour, day -> true);
    }

    static Schedule weekly(DayOfWeek dayOfWeek, int hour) {
        String dow = dayOfWeek.getDisplayName(TextStyle.SHORT, Locale.ROOT).toUpperCase(Locale.ROOT);
        return new Schedule("cron(0 " + hour + " ? * " + dow + " *)", hour, day -> day.getDayOfWeek() == dayOfWeek);
    }

    static Schedule monthly(int dayOfMonth, int hour) {
        return new Schedule("cron(0 " + hour + " " + dayOfMonth + " * ? *)", hour, day -> day.getDayOfMonth() == dayOfMonth);
    }

    /** Twice a year: on the given day of {@code firstMonth} and of the month six later. */
    static Schedule halfYearly(int firstMonth, int dayOfMonth, int hour) {
        return new Schedule("cron(0 " + hour + " " + dayOfMonth + " " + firstMonth + "/6 ? *)", hour,
                day -> day.getDayOfMonth() == dayOfMonth && day.getMonthValue() % 6 == firstMonth % 6);
    }

    /** The instants it fires at from {@code from} to {@code to}, both included, oldest first. */
    List<Instant> between(Instant from, Instant to) {
        List<Instant> times = new ArrayList<>();
        for (LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC); !day.isAfter(LocalDate.ofInstant(to, ZoneOffset.UTC));
                day = day.plusDays(1)) {
            Instant at = day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
            if (fires.test(day) && !at.isBefore(from) && !at.isAfter(to)) {
                times.add(at);
            }
        }
        return times;
    }
}

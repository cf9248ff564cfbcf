package dev.redoubt.services;

import dev.redoubt.estate.Estate;

/** An estate and where it came from. */
public record LoadedEstate(Estate estate, EstateOrigin origin) {
}

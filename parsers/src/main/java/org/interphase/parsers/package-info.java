/**
 * Readers for VASP and CP2K output and the {@link org.interphase.parsers.FormatRegistry} that picks
 * one by name and content. Every reader streams, reads .gz/.bz2/.xz transparently and reports
 * {@code path:line} on malformed input. Units are converted to Å, fs, eV here, once.
 */
package org.interphase.parsers;

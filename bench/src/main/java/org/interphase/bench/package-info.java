/**
 * Throughput and memory benchmarks, run by the scripts in {@code bench/} (built with {@code -Pbench}):
 * reader MB/s and peak heap, MSD time and heap, bond-analysis frames per second.
 */
package org.interphase.bench;
